import CodeArtifact
import Emulator
import Execution
import Foundation
import Journal
import JSONLines
import Manifest
import Model
import Plan
import TestSupport

/// A plan of one operation made from an inventory's rows (so every request carries the
/// expected status), and the emulator's inventory for it: every planned version exists except
/// `missing` ones, `moved` ones changed status after the inventory was taken, and every package
/// has a version the plan does not name.
struct OperationFixture {
    let operation: BatchOperation
    let directory: TemporaryDirectory
    let planPath: String
    let plan: PlanFile.Contents
    let inventoryRows: [ManifestRow]
    /// `package@version` the inventory never had (they end `absent`).
    let missing: Set<String>
    /// `package@version` whose status moved after the inventory (they end `changed`).
    let moved: Set<String>
    let planned: Set<String>

    /// The status versions have before the operation: what it changes them from.
    static func startingStatus(_ operation: BatchOperation) -> PackageVersionStatus {
        operation == .restore ? .archived : .published
    }

    init(_ operation: BatchOperation, packages: Int, versionsPerPackage: Int) throws {
        self.operation = operation
        directory = try TemporaryDirectory("cabatch-\(operation.rawValue)")
        let start = Self.startingStatus(operation)
        // Neither the status the plan expects nor the one it makes: only then is a move a change.
        let elsewhere: PackageVersionStatus = operation == .unlist ? .archived : .unlisted
        var manifest: [String] = []
        var inventory: [ManifestRow] = []
        var missing = Set<String>(), moved = Set<String>(), planned = Set<String>()
        for p in 0..<packages {
            for v in 0..<versionsPerPackage {
                let version = "\(v / 10).\(v % 10).\(p)"
                let name = "pkg-\(p)@\(version)"
                var row = ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: "pkg-\(p)",
                                      version: version, status: start)
                manifest.append(String(decoding: row.encoded().bytes, as: UTF8.self))
                planned.insert(name)
                let index = p * versionsPerPackage + v
                if index % 61 == 60 {
                    missing.insert(name)
                    continue
                }
                if index % 37 == 36 {
                    moved.insert(name)
                    row.status = elsewhere
                }
                inventory.append(row)
            }
            inventory.append(ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: "pkg-\(p)",
                                         version: "9.9.9", status: start))
        }
        let manifestPath = try directory.write("m.jsonl", ManifestFixture.text(manifest))
        let result = try Planner(operation: operation).plan([InputFile(manifestPath)]) { _ in }
        planPath = directory.file("m.plan")
        try PlanFile.write(result.header, requests: result.builder, to: planPath)
        plan = try PlanFile.read(planPath)
        inventoryRows = inventory
        self.missing = missing
        self.moved = moved
        self.planned = planned
    }

    var journalPath: String { JournalFile.path(forPlan: planPath) }

    /// `package@version` per journal state.
    func journalStates() throws -> [Journal.VersionState: Set<String>] {
        var replay = JournalReplay(requests: plan.requests, source: journalPath)
        _ = try JournalFile.read(journalPath) { sequence, record in try replay.apply(record, sequence: sequence) }
        var states: [Journal.VersionState: Set<String>] = [:]
        replay.forEachVersion { entry in states[entry.state, default: []].insert("\(entry.request.key.package)@\(entry.version)") }
        return states
    }

    /// Runs the plan's pending work in process against a fresh emulator, through `transport`
    /// when given (else the client's), journaling beside the plan.
    func runInProcess(_ configuration: EmulatorConfiguration, _ options: ExecutionOptions,
                      transport: ((CodeArtifactClient) -> any BatchTransport)? = nil) async throws -> (ExecutionResult, RunningEmulator) {
        let emulator = try await RunningEmulator.start(rows: inventoryRows, configuration: configuration)
        let client = CodeArtifactClient(
            configuration: try ClientConfiguration.resolve(environment: RunFixture.environment, endpointURL: emulator.url.absoluteString),
            userAgent: "cabatch/test", concurrency: options.concurrency, readTimeout: 10)
        let recorder = JournalRecorder()
        let opened = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "test",
                                            time: Timestamp(date: Date()), onDurable: recorder.durabilityHandler)
        recorder.attach(opened.writer)
        let items = opened.replay.pendingRequests().map { WorkItem($0, priorAttempts: opened.replay.nextAttempt(request: $0.id) - 1) }
        var options = options
        options.operation = operation
        let result = await Executor(items: items, transport: transport?(client) ?? ClientTransport(client: client), recorder: recorder,
                                    options: options).run()
        try await client.shutdown()
        await emulator.stop()
        return (result, emulator)
    }

    /// What the service did, by `package@version`: the versions it changed (or deleted), and
    /// those it changed more than once.
    struct Truth {
        var changed = Set<String>()
        var changedTwice = Set<String>()
        var statuses: [String: String] = [:]

        init(_ inventory: Inventory, operation: BatchOperation) {
            for state in inventory.snapshot() {
                let name = "\(state.package.package)@\(state.version)"
                statuses[name] = state.status
                let count = operation == .delete ? state.deletes : state.changes
                if count > 0 { changed.insert(name) }
                if count > 1 { changedTwice.insert(name) }
            }
        }
    }
}
