import Foundation
import TestSupport
import Testing

/// The shell completions the repository ships (`completions/`) are what the command definitions
/// generate now: a new option without regenerated completions fails here. To regenerate:
/// `for sh in bash zsh fish; do cabatch --generate-completion-script $sh > completions/cabatch.$sh; done`.
@Suite struct CompletionScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["bash", "zsh", "fish"])
    func shippedCompletionsMatchTheCommands(shell: String) throws {
        let generated = try CabatchBinary.run(["--generate-completion-script", shell])
        #expect(generated.status == 0, "\(generated.stderr)")
        let shipped = try String(contentsOf: Self.root.appendingPathComponent("completions/cabatch.\(shell)"), encoding: .utf8)
        #expect(generated.stdout == shipped, "completions/cabatch.\(shell) is out of date; regenerate it")
        for command in ["select", "plan", "apply", "run", "status", "report", "emulator", "generate"] {
            #expect(shipped.contains(command), "\(shell) completion lacks \(command)")
        }
    }
}
