import Emulator
import Foundation
import TestSupport
import Testing

/// What users read and scripts parse, pinned: every command's help, and the `--output json`
/// summaries of `select`, `plan`, `apply`, `run`, `status`, `outcomes` and `export`. A change here is a
/// change users see; review the snapshot diff (`CABATCH_UPDATE_SNAPSHOTS=1` rewrites them).
@Suite struct GoldenOutputTests {
    static let commands = ["", "export", "select", "plan", "apply", "run", "status", "report", "outcomes", "emulator", "generate"]

    @Test(arguments: commands)
    func helpMatchesGolden(command: String) throws {
        let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
        let outcome = try CabatchBinary.run(arguments, environment: ["PATH": "/usr/bin:/bin", "COLUMNS": "100"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try assertSnapshot(outcome.stdout, named: "help-\(command.isEmpty ? "cabatch" : command).txt")
    }

    /// Figures that change from run to run (seconds, the emulator's port) replaced by placeholders.
    private func normalized(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in [(#""seconds" *: *[0-9.e+-]+"#, #""seconds":0"#),
                                       (#"127\.0\.0\.1:[0-9]+"#, "127.0.0.1:PORT")] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static let environment = RunningEmulator.clientEnvironment

    @Test func jsonSummariesMatchGolden() async throws {
        let dir = try TemporaryDirectory()
        let generated = try await CabatchBinary.run(["generate", "--rows", "300", "--seed", "11", "-o", "m.jsonl",
                                                     "--inventory-out", "inventory.jsonl"], in: dir.path)
        #expect(generated.status == 0, "\(generated.stderr)")
        let select = try await CabatchBinary.run(["select", "inventory.jsonl", "-o", "selected.jsonl", "--keep-latest", "2",
                                                  "--decisions", "decisions.jsonl", "--output", "json"], in: dir.path)
        #expect(select.status == 0, "\(select.stderr)")
        try assertSnapshot(normalized(select.stdout), named: "select.json")
        let selectText = try await CabatchBinary.run(["select", "inventory.jsonl", "-o", "selected.jsonl", "--keep-latest", "2"],
                                                     in: dir.path)
        try assertSnapshot(selectText.stdout, named: "select.txt")

        let plan = try await CabatchBinary.run(["plan", "m.jsonl", "-o", "m.plan", "--output", "json"], in: dir.path)
        #expect(plan.status == 0, "\(plan.stderr)")
        try assertSnapshot(normalized(plan.stdout), named: "plan.json")

        let before = try await CabatchBinary.run(["status", "m.plan", "--output", "json"], in: dir.path)
        #expect(before.status == 0, "\(before.stderr)")
        try assertSnapshot(normalized(before.stdout), named: "status-before.json")

        let emulator = try await RunningEmulator.start(inventory: try Inventory.load(path: dir.file("inventory.jsonl")))
        let apply = try await CabatchBinary.run(["apply", "m.plan", "--yes", "--progress", "never", "--concurrency", "1",
                                                 "--endpoint-url", emulator.url.absoluteString, "--output", "json"],
                                                in: dir.path, environment: Self.environment)
        await emulator.stop()
        #expect(apply.status == 0, "\(apply.stderr)")
        try assertSnapshot(normalized(apply.stdout), named: "apply.json")

        let after = try await CabatchBinary.run(["status", "m.plan", "--output", "json"], in: dir.path)
        #expect(after.status == 0, "\(after.stderr)")
        try assertSnapshot(normalized(after.stdout), named: "status-after.json")

        // `run` prints what `apply` prints, after planning: pinned on its own all the same.
        let runEmulator = try await RunningEmulator.start(inventory: try Inventory.load(path: dir.file("inventory.jsonl")))
        let run = try await CabatchBinary.run(["run", "m.jsonl", "-o", "r.plan", "--yes", "--progress", "never", "--concurrency", "1",
                                               "--endpoint-url", runEmulator.url.absoluteString, "--output", "json"],
                                              in: dir.path, environment: Self.environment)
        await runEmulator.stop()
        #expect(run.status == 0, "\(run.stderr)")
        try assertSnapshot(normalized(run.stdout), named: "run.json")

        let outcomes = try await CabatchBinary.run(["outcomes", "m.plan", "--state", "deleted", "-o", "deleted.jsonl",
                                                    "--output", "json"], in: dir.path)
        #expect(outcomes.status == 0, "\(outcomes.stderr)")
        try assertSnapshot(normalized(outcomes.stdout), named: "outcomes.json")

        let domain = try await RunningEmulator.start(inventory: try Inventory.load(path: dir.file("inventory.jsonl")))
        let export = try await CabatchBinary.run(["export", "--domain", "acme", "-o", "exported.jsonl", "--progress", "never",
                                                  "--concurrency", "1", "--endpoint-url", domain.url.absoluteString,
                                                  "--output", "json"], in: dir.path, environment: Self.environment)
        await domain.stop()
        #expect(export.status == 0, "\(export.stderr)")
        try assertSnapshot(normalized(export.stdout), named: "export.json")
    }
}
