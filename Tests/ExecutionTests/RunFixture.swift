import CodeArtifact
import Emulator
import Execution
import Foundation
import Journal
import Manifest
import Plan
import TestSupport
import JSONLines
import Model

/// A manifest planned into a real plan file, with the inventory an emulator serves for it:
/// every planned version exists except `missing` ones, plus versions the run must leave alone.
struct RunFixture {
    let directory: TemporaryDirectory
    let planPath: String
    let plan: PlanFile.Contents
    let inventoryRows: [ManifestRow]
    /// Planned versions the inventory never had (they end `absent`).
    let missing: Set<String>

    /// `packages` npm packages of `versionsPerPackage` versions each; every 60th version is missing.
    init(packages: Int, versionsPerPackage: Int) throws {
        directory = try TemporaryDirectory("cabatch-run")
        var manifest: [String] = []
        var inventory: [ManifestRow] = []
        var missing = Set<String>()
        for p in 0..<packages {
            for v in 0..<versionsPerPackage {
                let version = "\(v / 10).\(v % 10).\(p)"
                manifest.append(ManifestFixture.line(repository: "npm-store", package: "pkg-\(p)", version: version))
                let row = ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: "pkg-\(p)", version: version)
                if (p * versionsPerPackage + v) % 61 == 60 { missing.insert("pkg-\(p)@\(version)") } else { inventory.append(row) }
            }
            // A version the run must not touch.
            inventory.append(ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: "pkg-\(p)", version: "9.9.9"))
        }
        let manifestPath = try directory.write("m.jsonl", ManifestFixture.text(manifest))
        let result = try Planner().plan([InputFile(manifestPath)]) { _ in }
        planPath = directory.file("m.plan")
        try PlanFile.write(result.header, requests: result.builder, to: planPath)
        plan = try PlanFile.read(planPath)
        inventoryRows = inventory
        self.missing = missing
    }

    var journalPath: String { JournalFile.path(forPlan: planPath) }

    func replay() throws -> JournalReplay {
        var replay = JournalReplay(requests: plan.requests, source: journalPath)
        _ = try JournalFile.read(journalPath) { sequence, record in try replay.apply(record, sequence: sequence) }
        return replay
    }

    /// `package@version` per journal state.
    func journalStates() throws -> [Journal.VersionState: Set<String>] {
        var states: [Journal.VersionState: Set<String>] = [:]
        try replay().forEachVersion { entry in
            states[entry.state, default: []].insert("\(entry.request.key.package)@\(entry.version)")
        }
        return states
    }

    var planned: Set<String> {
        Set(plan.requests.flatMap { r in r.versions.map { "\(r.key.package)@\($0)" } })
    }

    /// Runs the plan's pending work in process against a fresh emulator with `configuration`,
    /// journaling beside the plan; returns the result and the stopped emulator (for its truth).
    func runInProcess(_ configuration: EmulatorConfiguration, _ options: ExecutionOptions) async throws -> (ExecutionResult, RunningEmulator) {
        let emulator = try await RunningEmulator.start(rows: inventoryRows, configuration: configuration)
        let client = CodeArtifactClient(
            configuration: try ClientConfiguration.resolve(environment: Self.environment, endpointURL: emulator.url.absoluteString),
            userAgent: "cabatch/test", concurrency: options.concurrency, readTimeout: 10)
        let recorder = JournalRecorder()
        let opened = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "test",
                                            time: Timestamp(date: Date()), onDurable: recorder.durabilityHandler)
        let replay = opened.replay
        recorder.attach(opened.writer)
        let items = replay.pendingRequests().map {
            WorkItem(key: $0.key, segments: [.init(requestID: $0.id, versions: $0.versions)], priorAttempts: replay.nextAttempt(request: $0.id) - 1)
        }
        let result = await Executor(items: items, transport: ClientTransport(client: client), recorder: recorder, options: options).run()
        try await client.shutdown()
        await emulator.stop()
        return (result, emulator)
    }

    /// Starts `cabatch apply` on the plan against `url` in the background (`--yes --progress
    /// never`, then `extra`); its output goes to `output` and `errors`, or nowhere.
    func startApply(url: String, _ extra: [String] = [], output: Pipe? = nil, errors: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
        process.arguments = ["apply", planPath, "--endpoint-url", url, "--yes", "--progress", "never"] + extra
        process.environment = Self.environment
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (off the cooperative pool) until the journal holds at least `bytes`, for 30 s at most:
    /// a background run is under way.
    func waitForJournal(bytes: Int) async throws {
        let path = journalPath
        try await offPool {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) < bytes {
                usleep(10_000)
            }
        }
    }

    static let environment = RunningEmulator.clientEnvironment
}

/// What the emulator's inventory says happened.
struct EmulatorTruth {
    var deleted = Set<String>()
    var deletedTwice = Set<String>()

    init(_ inventory: Inventory) {
        for state in inventory.snapshot() where state.deletes > 0 {
            let name = "\(state.package.package)@\(state.version)"
            deleted.insert(name)
            if state.deletes > 1 { deletedTwice.insert(name) }
        }
    }
}
