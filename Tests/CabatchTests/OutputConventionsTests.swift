import Foundation
import TestSupport
import Testing

/// The AWS CLI habits users bring: `--quiet`, and colour only on a terminal, never with
/// `--no-color` or `NO_COLOR`.
@Suite struct OutputConventionsTests {
    /// Runs `arguments` with a pseudo-terminal for its output (util-linux `script`), returning
    /// what the terminal showed.
    private func onATerminal(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        let command = ([CabatchBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try await CabatchBinary.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"],
                                                  environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm"].merging(environment) { $1 }).stdout
    }

    @Test func errorsAreRedOnATerminalUnlessColourIsOff() async throws {
        let red = "\u{1B}[1;31merror:\u{1B}[0m"
        #expect(try await onATerminal(["plan", "missing.jsonl"]).contains(red + " missing.jsonl: cannot open"))
        let noColor = try await onATerminal(["plan", "missing.jsonl", "--no-color"])
        #expect(noColor.contains("error: missing.jsonl: cannot open") && !noColor.contains("\u{1B}["))
        let environment = try await onATerminal(["plan", "missing.jsonl"], environment: ["NO_COLOR": "1"])
        #expect(environment.contains("error: missing.jsonl: cannot open") && !environment.contains("\u{1B}["))
        // Not a terminal: plain text.
        let piped = try await CabatchBinary.run(["plan", "missing.jsonl"])
        #expect(piped.stderr.hasPrefix("error: missing.jsonl: cannot open"))
    }

    @Test func quietPrintsOnlyErrorsAndTheJSONAskedFor() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line(version: "1.0.0")]))
        let quiet = try CabatchBinary.run(["plan", "m.jsonl", "-o", "m.plan", "--quiet"], in: dir.path)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        let json = try CabatchBinary.run(["plan", "m.jsonl", "-o", "m.plan", "--quiet", "--output", "json"], in: dir.path)
        #expect(json.stdout.hasPrefix(#"{"plan":"m.plan""#))
        let status = try CabatchBinary.run(["status", "m.plan", "--quiet"], in: dir.path)
        #expect(status.status == 0 && status.stdout.isEmpty)
        let failing = try CabatchBinary.run(["status", "missing.plan", "--quiet"], in: dir.path)
        #expect(failing.status == 1 && failing.stderr.hasPrefix("error: "))
    }
}
