import Emulator
import Foundation
import Journal
import Manifest
import Plan
import TestSupport
import Testing
import JSONLines

/// IAM policies are often scoped per repository: a refusal of one repository fails its
/// versions and the run goes on; a refusal of everything stops the run, resumably.
@Suite struct AccessDeniedTests {
    /// A plan over two repositories of the same domain: `open` (3 × 40 versions) and `locked` (40).
    private func twoRepositories() throws -> (TemporaryDirectory, String, [ManifestRow]) {
        let dir = try TemporaryDirectory("cabatch-denied")
        var manifest: [String] = [], inventory: [ManifestRow] = []
        for (repository, packages) in [("open-store", 3), ("locked", 1)] {
            for p in 0..<packages {
                for v in 0..<40 {
                    manifest.append(ManifestFixture.line(repository: repository, package: "pkg-\(p)", version: "1.0.\(v)"))
                    inventory.append(ManifestRow(domain: "acme", repository: repository, format: .npm, package: "pkg-\(p)", version: "1.0.\(v)"))
                }
            }
        }
        let manifestPath = try dir.write("m.jsonl", ManifestFixture.text(manifest))
        let planned = try Planner().plan([InputFile(manifestPath)]) { _ in }
        let planPath = dir.file("m.plan")
        try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
        return (dir, planPath, inventory)
    }

    private func states(_ planPath: String) throws -> [String: [Journal.VersionState: Int]] {
        let plan = try PlanFile.read(planPath)
        var replay = JournalReplay(requests: plan.requests, source: JournalFile.path(forPlan: planPath))
        _ = try JournalFile.read(replay.source) { sequence, record in try replay.apply(record, sequence: sequence) }
        var states: [String: [Journal.VersionState: Int]] = [:]
        replay.forEachVersion { states[$0.request.key.repository, default: [:]][$0.state, default: 0] += 1 }
        return states
    }

    @Test(.timeLimit(.minutes(2)))
    func aRefusedRepositoryFailsItsVersionsAndTheRunGoesOn() async throws {
        let (dir, planPath, inventory) = try twoRepositories()
        defer { _ = dir }
        let emulator = try await RunningEmulator.start(rows: inventory,
                                                       configuration: EmulatorConfiguration(deniedRepositories: ["acme/locked"]))
        // One request at a time, the refused repository's first in plan order: its refusal
        // comes before anything has succeeded.
        let run = try await CabatchBinary.run(["apply", planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", "never", "--concurrency", "1"], environment: RunFixture.environment)
        await emulator.stop()
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("AccessDeniedException"), "\(run.stdout)")
        let byRepository = try states(planPath)
        #expect(byRepository["locked"] == [.failed: 40])
        #expect(byRepository["open-store"] == [.done: 120])
        let snapshot = emulator.inventory.snapshot()
        #expect(snapshot.filter { $0.package.repository == "open-store" }.allSatisfy { $0.deletes == 1 })
        #expect(snapshot.filter { $0.package.repository == "locked" }.allSatisfy { $0.deletes == 0 })
    }

    @Test(.timeLimit(.minutes(2)))
    func refusedEverywhereStopsTheRunWithEveryVersionPending() async throws {
        let (dir, planPath, inventory) = try twoRepositories()
        defer { _ = dir }
        let emulator = try await RunningEmulator.start(
            rows: inventory, configuration: EmulatorConfiguration(deniedRepositories: ["acme/locked", "acme/open-store"]))
        let run = try await CabatchBinary.run(["apply", planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", "never"], environment: RunFixture.environment)
        await emulator.stop()
        #expect(run.status == 3, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("AccessDeniedException"), "\(run.stdout)")
        #expect(run.stdout.contains("resume with: `cabatch apply"), "\(run.stdout)")
        #expect(try states(planPath) == ["locked": [.pending: 40], "open-store": [.pending: 120]])
    }
}
