import ArgumentParser
import Foundation
import Manifest
import Plan
import JSONLines
import Model

/// `cabatch plan`: validate manifests and group them into the fewest requests.
struct PlanCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Validate manifests and group them into a sealed plan of batch requests.",
        discussion: """
            Reads every manifest (.jsonl.zst, .zst, .jsonl, or - for standard input), checks each \
            row against the service's rules, removes duplicates and cuts each package's versions \
            (of one inventory status) into requests of at most 100. Lines that break a rule are \
            written to a rejects file; without --skip-invalid, any reject means no plan is written. \
            A version the rows name with two statuses or revisions is refused: which is current is \
            not known.
            """
    )

    @Argument(help: "Manifests to read (paths, or - for standard input).")
    var manifests: [String]

    @Option(name: [.customShort("o"), .customLong("output-plan")], help: "Where to write the plan (default: PLAN named after the first manifest, in the current directory).")
    var plan: String?

    @Flag(help: "Plan the valid rows even when some lines are rejected (the rejects file is still written).")
    var skipInvalid = false

    @Option(help: "Where to write rejected lines as JSON Lines (default: PLAN.rejects.jsonl).")
    var rejects: String?

    @Option(help: "The 12-digit account that owns the domain, for rows without domainOwner.")
    var domainOwner: String?

    @OptionGroup(title: "Sharding")
    var sharding: ShardOptions

    @OptionGroup(title: "Operation")
    var operation: OperationOptions

    @Option(help: "Expect this status of every version (Published, Unlisted, Archived, …) instead of the rows' own, so a version whose status changed is refused, not changed.")
    var expectedStatus: PackageVersionStatus?

    @Option(help: "Summary format: text or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func validate() throws {
        try Self.validate(manifests: manifests, domainOwner: domainOwner)
        _ = try operation.preconditions(expectedStatus: expectedStatus)
    }

    /// The checks `plan` and `run` make before reading anything.
    static func validate(manifests: [String], domainOwner: String?) throws {
        if let owner = domainOwner, let violation = ServiceConstraints.check(.domainOwner, owner) {
            throw ValidationError("--domain-owner: \(violation).")
        }
        if manifests.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Standard input (-) can be read only once.")
        }
    }

    func run() throws {
        let outcome = try Self.plan(manifests: manifests, planPath: plan, rejectsPath: rejects, domainOwner: domainOwner,
                                    shard: try sharding.resolve(), skipInvalid: skipInvalid, operation: operation.operation,
                                    preconditions: try operation.preconditions(expectedStatus: expectedStatus),
                                    output: output, table: true)
        if outcome.planPath == nil { throw ExitCode.invalidInput }
    }

    /// Runs the plan job and prints its summary; `table: false` leaves out the per-repository
    /// table when the plan was written, for `run`, whose report has one. A manifest that cannot
    /// be read, or rejects without `--skip-invalid`, is exit status 1 after the summary.
    static func plan(manifests: [String], planPath: String?, rejectsPath: String?, domainOwner: String?, shard: Shard?,
                     skipInvalid: Bool, operation: BatchOperation, preconditions: PackageGroups.Preconditions,
                     output: OutputFormat, table: Bool, summaryToStandardError: Bool = false) throws -> PlanJob.Outcome {
        let job = PlanJob(inputs: manifests.map(InputFile.init), planPath: planPath ?? defaultPlanPath(for: manifests[0]),
                          rejectsPath: rejectsPath,
                          planner: Planner(defaultDomainOwner: domainOwner, shard: shard, skipInvalid: skipInvalid,
                                           operation: operation, preconditions: preconditions))
        let outcome: PlanJob.Outcome
        do { outcome = try job.run() } catch let error as FileError {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        } catch let error as PlanError {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let summary = PlanSummary(header: outcome.header, planPath: outcome.planPath, rejectsPath: outcome.rejectsPath,
                                  firstRejects: outcome.firstRejects)
        switch output {
        case .text where summaryToStandardError: Terminal.err(summary.text(table: table || outcome.planPath == nil))
        case .text: Terminal.summary(summary.text(table: table || outcome.planPath == nil))
        case .json: Terminal.out(String(decoding: summary.json().bytes, as: UTF8.self))
        }
        if outcome.planPath == nil {
            Terminal.err("error: \(PlanError.rejectsPresent(count: outcome.header.totals.rejects))")
        }
        return outcome
    }

    /// `inventory.jsonl.zst` → `inventory.plan`; standard input → `stdin.plan`.
    static func defaultPlanPath(for manifest: String) -> String {
        guard manifest != "-" else { return "stdin.plan" }
        var name = URL(fileURLWithPath: manifest).lastPathComponent
        for suffix in [".zst", ".jsonl", ".json", ".ndjson"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return (name.isEmpty ? "manifest" : name) + ".plan"
    }
}
