import ArgumentParser
import Foundation
import Manifest
import Plan
import JSONLines
import Model

/// `cabatch plan`: validate manifests and group them into the fewest requests.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Validate manifests and group them into a plan of DeletePackageVersions requests.",
        discussion: """
            Reads every manifest (.jsonl.zst, .zst, .jsonl, or - for standard input), checks each \
            row against the service's rules, removes duplicates and cuts each package's versions \
            into requests of at most 100. Lines that break a rule are written to a rejects file; \
            without --skip-invalid, any reject means no plan is written.
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

    @Option(help: "Summary format: text or json.")
    var output: OutputFormat = .text

    func validate() throws {
        if let owner = domainOwner, let violation = ServiceConstraints.check(.domainOwner, owner) {
            throw ValidationError("--domain-owner: \(violation).")
        }
        if manifests.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Standard input (-) can be read only once.")
        }
    }

    func run() throws { try run(printSummary: true, keepsTablesUntilExit: true) }

    /// Plans; `printSummary: false` leaves out the per-repository table, for `run`, whose
    /// report has one.
    func run(printSummary: Bool, keepsTablesUntilExit: Bool = false) throws {
        let inputs = manifests.map(InputFile.init)
        let planPath = plan ?? Self.defaultPlanPath(for: manifests[0])
        let rejectsPath = rejects ?? planPath + ".rejects.jsonl"
        let planner = Planner(defaultDomainOwner: domainOwner, shard: try sharding.resolve(), skipInvalid: skipInvalid)

        let rejectLog = RejectLog(path: rejectsPath)
        let result: Planner.Result
        do {
            result = try planner.plan(inputs) { try rejectLog.add($0) }
            try rejectLog.finish()
        } catch let error as FileError {
            try? rejectLog.finish()
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        var header = result.header
        if result.isWritable {
            header = try PlanFile.write(result.header, requests: result.builder, to: planPath)
        }
        // Freeing millions of versions one by one takes a second, just before the process
        // ends and the memory goes back anyway.
        if keepsTablesUntilExit { _ = Unmanaged.passRetained(ExitLifetime(result)) }
        let summary = PlanSummary(header: header, planPath: result.isWritable ? planPath : nil,
                                  rejectsPath: rejectLog.count > 0 ? rejectsPath : nil, firstRejects: rejectLog.first)
        switch output {
        case .text: Terminal.out(summary.text(table: printSummary || !result.isWritable))
        case .json: Terminal.out(String(decoding: summary.json().bytes, as: UTF8.self))
        }
        if !result.isWritable {
            Terminal.err("error: \(PlanError.rejectsPresent(count: result.header.totals.rejects))")
            throw ExitCode.invalidInput
        }
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

/// Holds a value that is never freed (see `PlanCommand.run`).
private final class ExitLifetime<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Writes rejects as they arrive, keeping only the first few in memory for the terminal.
final class RejectLog {
    let path: String
    private var writer: JSONLinesWriter?
    private(set) var count = 0
    private(set) var first: [Reject] = []

    init(path: String) { self.path = path }

    func add(_ reject: Reject) throws {
        if writer == nil { writer = try JSONLinesWriter(path: path, compressed: false) }
        try writer!.write(reject.encoded())
        count += 1
        if first.count < 10 { first.append(reject) }
    }

    /// Puts the file in place when there were rejects; removes a stale one when there were none.
    func finish() throws {
        if let writer { try writer.commit() } else { unlink(path) }
        writer = nil
    }
}
