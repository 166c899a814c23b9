import ArgumentParser
import CodeArtifact
import Export
import Foundation
import JSONLines
import Model

/// `cabatch export`: a domain's repositories, packages and versions → an inventory.
struct ExportCommand: AsyncParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "List what a domain holds into an inventory (resumable).",
        discussion: """
            Lists the domain's repositories (or those named by --repository), their packages and \
            every package's versions, and writes one inventory row per version: status, revision, \
            origin, whether it is the package's default display version, and its rank in publish \
            order (publishRank, 1 = first published). Rows are in a fixed order: repository, \
            package, then versions in publish order. Until the export completes, its state is kept \
            in INVENTORY.export-state; after Ctrl-C or any interruption, the same command continues \
            without listing finished packages again, and gives the same file an uninterrupted run \
            would have.
            """
    )

    @Option(help: "The domain to list.")
    var domain: String

    @Option(help: "The account that owns the domain (default: your own).")
    var domainOwner: String?

    @Option(help: "Only this repository (repeat for more; default: every repository of the domain).")
    var repository: [String] = []

    @Option(help: "Only packages of this format.")
    var format: PackageFormat?

    @Option(help: "Only packages whose namespace starts with this.")
    var namespace: String?

    @Option(help: "Only packages whose name starts with this.")
    var packagePrefix: String?

    @Option(help: "Only versions with this status (repeat for more; default: every status).")
    var status: [PackageVersionStatus] = []

    @Flag(help: "Also read each version's publishedTime: one DescribePackageVersion per version.")
    var publishedTime = false

    @Option(name: [.customShort("o"), .customLong("output-inventory")],
            help: ArgumentHelp("Where to write the inventory (zstd when it ends in .zst).", valueName: "inventory"))
    var inventory: String

    @OptionGroup(title: "AWS")
    var aws: AWSOptions

    @Option(help: "Read requests per second; lowered automatically on throttling. CodeArtifact's read quotas (200/s per List operation, 800/s for all reads) are shared with everyone in the account.")
    var readRate: Double = 100

    @Option(help: "Packages listed at once.")
    var concurrency = 16

    @Option(help: "Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the export is healthy.")
    var maxAttempts = 8

    @Option(help: "Progress display: auto (on a terminal), always, or never.")
    var progress: ProgressMode = .auto

    @Option(help: "Summary format: text or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func validate() throws {
        if let v = ServiceConstraints.check(.domain, domain) { throw ValidationError("--domain \(domain): \(v.message).") }
        if let owner = domainOwner, let v = ServiceConstraints.check(.domainOwner, owner) {
            throw ValidationError("--domain-owner \(owner): \(v.message).")
        }
        for name in repository {
            if let v = ServiceConstraints.check(.repository, name) { throw ValidationError("--repository \(name): \(v.message).") }
        }
        guard readRate > 0 else { throw ValidationError("--read-rate must be above 0 requests per second.") }
        guard concurrency >= 1 && concurrency <= 512 else { throw ValidationError("--concurrency takes 1 to 512.") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1.") }
    }

    func scope() -> ExportScope {
        ExportScope(domain: domain, domainOwner: domainOwner, repositories: repository, format: format, namespace: namespace,
                    packagePrefix: packagePrefix, statuses: Set(status), publishedTime: publishedTime)
    }

    func run() async throws {
        let configuration: ClientConfiguration
        do { configuration = try aws.resolve() } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch/\(CabatchVersion.current)",
                                        concurrency: concurrency)
        do { _ = try await client.credentials() } catch {
            try? await client.shutdown()
            Terminal.err("error: \(error)")
            throw ExitCode.cannotConnect
        }
        let pacer = ReadPacer(rate: readRate, policy: RetryPolicy(maxAttempts: maxAttempts))
        let job = ExportJob(scope: scope(), outputPath: inventory, concurrency: concurrency, client: client, pacer: pacer)
        let resume = (["cabatch"] + CommandLine.arguments.dropFirst()).map(ResumeCommand.shellQuoted).joined(separator: " ")
        let resuming = job.isResuming
        if resuming { Terminal.err("Resuming the export kept in \(job.checkpointDirectory).") }

        let stop = ExportStop()
        let signals = InterruptHandler(resumeCommand: resume, finishing: "the packages being listed",
                                       kept: "The export's checkpoint") { stop.request() }
        let line = ProgressLine(mode: progress)
        let summary: ExportSummary
        do {
            summary = try await job.run(stop: stop, progress: { line.update(text: Self.describe($0), elapsed: $0.elapsed) },
                                        progressInterval: line.interval)
        } catch let error as ExportError {
            line.finish()
            signals.cancel()
            try? await client.shutdown()
            Terminal.err("error: \(error)")
            if !error.isResumable { throw ExitCode.invalidInput }
            Terminal.err("The export so far is kept in \(job.checkpointDirectory). Continue with: \(resume)")
            // Refused before anything was listed: credentials or endpoint (4); else stopped early (3).
            let nothingDone = !resuming && job.packagesExportedThisRun == 0
            throw error.refusesEveryRequest && nothingDone ? ExitCode.cannotConnect : ExitCode.stoppedEarly
        }
        line.finish()
        signals.cancel()
        try? await client.shutdown()
        switch output {
        case .text: Terminal.summary(Self.text(summary, resume: resume))
        case .json: Terminal.out(String(decoding: Self.json(summary, resume: resume).bytes, as: UTF8.self))
        }
        if !summary.complete { throw ExitCode.stoppedEarly }
    }

    static func describe(_ p: ExportProgress) -> String {
        let elapsed = max(p.elapsed, 0.001)
        var parts: [String] = []
        if let total = p.repositories { parts.append("repositories \(p.repositoriesListed)/\(total)") }
        parts.append("packages \(p.packagesDone.grouped)" + (p.packages.map { "/\($0.grouped)" } ?? ""))
        parts.append("versions \(p.versions.grouped)")
        parts.append("\(String(format: "%.0f", Double(p.requests) / elapsed)) req/s")
        if let total = p.packages, p.packagesThisRun > 0 {
            let rate = Double(p.packagesThisRun) / elapsed
            parts.append("ETA \(ProgressLine.duration(Double(total - p.packagesDone) / rate))")
        }
        parts.append("throttled \(p.throttled.grouped)")
        return parts.joined(separator: " · ")
    }

    static func text(_ s: ExportSummary, resume: String) -> String {
        let statuses = s.statuses.keys.sorted()
        var table = TextTable(header: ["repository", "packages", "versions"] + statuses,
                              numeric: Set(1..<(3 + statuses.count)))
        for r in s.repositories {
            table.rows.append([r.name, r.packages.grouped, r.versions.grouped] + statuses.map { (r.statuses[$0] ?? 0).grouped })
        }
        var lines = [table.render()]
        let cost = "\(s.thisRunRequests.grouped) read requests in \(String(format: "%.1f", s.elapsed)) s "
            + "(\(String(format: "%.0f", Double(s.thisRunRequests) / max(s.elapsed, 0.001))) requests/s"
            + (s.describeRequests > 0 ? ", \(s.describeRequests.grouped) of them DescribePackageVersion for --published-time" : "")
            + "), \(s.retries.grouped) retries, \(s.throttled.grouped) throttled"
            + (s.resumedPackages > 0 ? "; \(s.resumedPackages.grouped) packages were exported by an earlier run" : "")
        for (format, count) in s.unknownFormats.sorted(by: { $0.key < $1.key }) {
            lines.append("warning: \(count.grouped) packages of format \(format) were listed but not exported: this version of cabatch does not know the format.")
        }
        if s.vanished > 0 { lines.append("note: \(s.vanished.grouped) versions were deleted while the export ran and are not in the inventory.") }
        if s.complete {
            lines.append("Exported \(s.versions.grouped) versions of \(s.packages.grouped) packages in \(s.repositories.count.grouped) repositories → \(s.inventory)")
        } else {
            let left = s.packagesLeft > 0 ? "with \(s.packagesLeft.grouped) packages left" : "before every repository's packages were listed"
            lines.append("Stopped \(left); the export so far is kept. Continue with: \(resume)")
        }
        lines.append("This run: " + cost + ".")
        return lines.joined(separator: "\n")
    }

    static func json(_ s: ExportSummary, resume: String) -> JSONWriter {
        var w = JSONWriter()
        w.beginObject()
        w.member("inventory", s.inventory)
        w.member("complete", s.complete)
        w.member("repositoryCount", s.repositories.count)
        w.member("packages", s.packages)
        w.member("versions", s.versions)
        w.key("statuses")
        w.beginObject()
        for (status, count) in s.statuses.sorted(by: { $0.key < $1.key }) { w.member(status, count) }
        w.endObject()
        w.key("repositories")
        w.beginArray()
        for r in s.repositories {
            w.beginObject()
            w.member("repository", r.name)
            w.member("packages", r.packages)
            w.member("versions", r.versions)
            w.key("statuses")
            w.beginObject()
            for (status, count) in r.statuses.sorted(by: { $0.key < $1.key }) { w.member(status, count) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("unknownFormats")
        w.beginObject()
        for (format, count) in s.unknownFormats.sorted(by: { $0.key < $1.key }) { w.member(format, count) }
        w.endObject()
        w.member("vanishedVersions", s.vanished)
        w.member("packagesLeft", s.packagesLeft)
        w.member("resumedPackages", s.resumedPackages)
        w.key("thisRun")
        w.beginObject()
        w.member("requests", s.thisRunRequests)
        w.member("describeRequests", s.describeRequests)
        w.member("retries", s.retries)
        w.member("throttled", s.throttled)
        w.member("seconds", (s.elapsed * 1000).rounded() / 1000)
        w.endObject()
        w.member("resume", s.complete ? nil : resume)
        w.endObject()
        return w
    }
}
