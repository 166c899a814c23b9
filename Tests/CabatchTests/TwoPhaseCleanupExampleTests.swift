import Foundation
import TestSupport
import Testing

/// `examples/two-phase-cleanup.sh` runs as shipped: export, select, archive, restore a few,
/// outcomes, delete exactly what is still archived, one report — and the emulator's own record
/// agrees with what the plans say.
@Suite struct TwoPhaseCleanupExampleTests {
    @Test(.timeLimit(.minutes(2)))
    func theExampleRunsAgainstTheEmulatorAndTheRecordsAgree() async throws {
        let directory = try TemporaryDirectory("two-phase")
        let script = CompletionScriptTests.root.appendingPathComponent("examples/two-phase-cleanup.sh").path
        let result = try await CabatchBinary.runProgram("/bin/bash", [script], environment: [
            "CABATCH": CabatchBinary.path, "OUT": directory.path, "PATH": "/usr/bin:/bin", "HOME": "/nonexistent",
        ])
        let outcome = (result.status, result.stdout, result.stderr)
        #expect(outcome.0 == 0, "\(outcome.1)\n\(outcome.2)")
        // The script's own check against the emulator's state file, with figures that are not zero.
        let summary = try #require(outcome.1.split(separator: "\n").first { $0.hasPrefix("archived ") })
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count == 4)
        if numbers.count == 4 {
            let (archived, restored, deleted, changed) = (numbers[0], numbers[1], numbers[2], numbers[3])
            #expect(archived > 100 && restored == 5 && deleted == archived - restored && changed == restored)
        }
        #expect(outcome.1.contains("| archive (archived) | 1 |"))
        #expect(outcome.2.contains("Verified: every one of the 5 restored or absent versions"))
        let report = try String(contentsOfFile: directory.file("cleanup-report.md"), encoding: .utf8)
        #expect(report.hasPrefix("# cabatch archive and restore and delete report"))
    }
}
