import CodeArtifact
import Emulator
import Execution
import Foundation
import Journal
import Manifest
import Plan
import Report
import TestSupport
import Testing
import JSONLines
import Model

/// A report of a real run with every state and several error codes agrees, version by version,
/// with what the emulator recorded.
@Suite struct ReportAgreementTests {
    @Test(.timeLimit(.minutes(2)))
    func reportMatchesTheEmulatorVersionByVersion() async throws {
        let dir = try TemporaryDirectory("cabatch-report")
        var manifest: [String] = []
        var inventory: [ManifestRow] = []
        for p in 0..<200 {
            for v in 0..<10 {
                let version = "1.\(v).\(p)"
                manifest.append(ManifestFixture.line(package: "pkg-\(p)", version: version))
                var row = ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: "pkg-\(p)", version: version)
                switch (p * 10 + v) % 23 {
                case 0: continue                     // not in the inventory: absent
                case 1: row.status = .archived      // refused with MISMATCHED_STATUS: failed
                default: break
                }
                inventory.append(row)
            }
        }
        // A repository the service does not know: ResourceNotFoundException, failed. Ten
        // requests, so that injected 500s cannot leave all of them pending.
        for p in 0..<10 { manifest.append(ManifestFixture.line(repository: "gone-store", package: "old-\(p)", version: "0.1")) }
        let manifestPath = try dir.write("m.jsonl", ManifestFixture.text(manifest))
        let planned = try Planner().plan([InputFile(manifestPath)]) { _ in }
        let planPath = dir.file("m.plan")
        try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
        let plan = try PlanFile.read(planPath)

        var configuration = EmulatorConfiguration()
        // 500s before any work, with one attempt only: some versions stay pending, never touched.
        configuration.faults = FaultConfiguration(errorRate: 0.15, seed: 21)
        let emulator = try await RunningEmulator.start(rows: inventory, configuration: configuration)
        let client = CodeArtifactClient(
            configuration: try ClientConfiguration.resolve(environment: RunFixture.environment, endpointURL: emulator.url.absoluteString),
            userAgent: "cabatch/test", concurrency: 8, readTimeout: 10)
        let recorder = JournalRecorder()
        let opened = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "test",
                                            time: Timestamp(date: Date()), onDurable: recorder.durabilityHandler)
        let replay = opened.replay
        recorder.attach(opened.writer)
        var options = ExecutionOptions()
        options.rate = 1_000
        options.concurrency = 8
        options.retry.maxAttempts = 1
        options.expectedStatus = .published
        options.maxFailureRate = 1
        let items = replay.pendingRequests().map {
            WorkItem(key: $0.key, segments: [.init(requestID: $0.id, versions: $0.versions)], priorAttempts: replay.nextAttempt(request: $0.id) - 1)
        }
        _ = await Executor(items: items, transport: ClientTransport(client: client), recorder: recorder, options: options).run()
        try await client.shutdown()
        await emulator.stop()

        let source = try PlanJournal.load(planPath)
        let data = try ReportData(sources: [source])
        #expect(data.totals.done > 0 && data.totals.absent > 0 && data.totals.changed > 0 && data.totals.failed > 0
                    && data.totals.pending > 0, "every state occurs: \(data.totals)")
        #expect(Set(data.failures.map(\.code)) == ["ResourceNotFoundException"])
        #expect(Set(data.changed.map(\.code)) == ["MISMATCHED_STATUS"])

        // The emulator's truth, by package@version in npm-store.
        var truth: [String: StoredVersion] = [:]
        for state in emulator.inventory.snapshot() { truth["\(state.package.package)@\(state.version)"] = state }

        var csv: [UInt8] = []
        try CSVReport.write([source]) { csv += $0 }
        let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(lines.count == 2_010)
        var counted: [String: Int] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let (repository, package, version, state, code) = (fields[2], fields[5], fields[6], fields[7], fields[8])
            counted[state, default: 0] += 1
            let emulated = truth["\(package)@\(version)"]
            switch state {
            case "deleted":
                #expect(emulated?.status == "Deleted" && emulated?.deletes == 1, "\(package)@\(version)")
            case "absent":
                #expect(emulated == nil, "\(package)@\(version) is absent in the report but in the inventory")
            case "failed":
                #expect(repository == "gone-store" && code == "ResourceNotFoundException", "\(package)@\(version)")
            case "changed":
                #expect(code == "MISMATCHED_STATUS")
                #expect(emulated?.status == "Archived" && emulated?.deletes == 0)
            case "pending":
                #expect(emulated.map { $0.deletes == 0 && $0.status != "Deleted" } ?? true, "\(package)@\(version) pending but deleted")
            default:
                Issue.record("unknown state \(state)")
            }
        }
        #expect(counted["deleted", default: 0] == data.totals.done)
        #expect(counted["failed", default: 0] == data.totals.failed)
        #expect(counted["changed", default: 0] == data.totals.changed)
        #expect(counted["pending", default: 0] == data.totals.pending)
        #expect(truth.values.filter { $0.deletes > 0 }.count == data.totals.done)
    }
}
