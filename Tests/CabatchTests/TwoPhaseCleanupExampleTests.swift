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
        let outcome = try await offPool { () throws -> (Int32, String, String) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script]
            process.environment = ["CABATCH": CabatchBinary.path, "OUT": directory.path, "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stderr = Thread.detachedRead(err)
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stderr.value)
        }
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

private extension Thread {
    /// Reads a pipe to its end on a thread of its own, so that neither pipe can fill and block.
    static func detachedRead(_ pipe: Pipe) -> ReadResult {
        let result = ReadResult()
        let thread = Thread { result.set(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) }
        thread.start()
        return result
    }
}

/// A value one thread sets and another waits for.
private final class ReadResult: @unchecked Sendable {
    private let condition = NSCondition()
    private var text: String?
    func set(_ value: String) { condition.lock(); text = value; condition.signal(); condition.unlock() }
    var value: String {
        condition.lock()
        defer { condition.unlock() }
        while text == nil { condition.wait() }
        return text!
    }
}
