import ArgumentParser
import CodeArtifact
import Execution
import Model

/// When progress is drawn: on a terminal only, always, or never.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options of `apply` and `run`: pacing, retries, safety and output.
struct ExecutionFlags: ParsableArguments {
    @Option(help: "Requests in flight at once.")
    var concurrency = 16

    @Option(help: "Starting (and highest) request rate per second; lowered automatically on throttling. CodeArtifact's default quota is 100 write requests/s for the whole account.")
    var rate: Double = 50

    @Option(help: "Read requests per second (--verify's listings), a budget apart from --rate; lowered automatically on throttling. CodeArtifact's read quotas are shared with everyone in the account.")
    var readRate: Double = 100

    @Option(help: "Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the run is healthy.")
    var maxAttempts = 8

    @Option(help: "Stop (resumably) when permanent failures exceed this fraction of answered versions, after 1,000 versions.")
    var maxFailureRate = 0.5

    @Option(help: "Expect this status (Published, Unlisted, Archived, …) of every version the plan gives no status of, so a version whose status changed since the inventory was taken is left alone; with run, it replaces the rows' statuses.")
    var expectedStatus: PackageVersionStatus?

    @Flag(help: "Do everything but the API call: print the requests that would be sent.")
    var dryRun = false

    @Flag(help: "Afterwards, list every touched package's versions and report any planned version still present.")
    var verify = false

    @Option(help: "Also write a report to this file (format from its extension: .md, .json, .csv, .html).")
    var report: String?

    @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation (needed when standard input is not a terminal).")
    var yes = false

    @Option(help: "Progress display: auto (on a terminal), always, or never.")
    var progress: ProgressMode = .auto

    func validate() throws {
        guard concurrency >= 1 && concurrency <= 512 else { throw ValidationError("--concurrency takes 1 to 512.") }
        guard rate > 0 else { throw ValidationError("--rate must be above 0 requests per second.") }
        guard readRate > 0 else { throw ValidationError("--read-rate must be above 0 requests per second.") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1.") }
        guard maxFailureRate > 0 && maxFailureRate <= 1 else { throw ValidationError("--max-failure-rate takes a fraction above 0 and at most 1, such as 0.5.") }
    }

    /// The run's options for a plan of `operation`.
    func options(_ operation: BatchOperation) -> ExecutionOptions {
        var options = ExecutionOptions()
        options.operation = operation
        options.concurrency = concurrency
        options.rate = rate
        options.retry.maxAttempts = maxAttempts
        options.maxFailureRate = maxFailureRate
        options.expectedStatus = expectedStatus
        return options
    }
}
