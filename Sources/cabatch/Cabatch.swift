import ArgumentParser
import Foundation

/// Batch operations for AWS CodeArtifact: plan, apply and report on manifests of package versions.
@main
struct Cabatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cabatch",
        abstract: "Batch operations for AWS CodeArtifact.",
        discussion: """
            Exports a domain's inventory, selects what to clean up by retention rules that know \
            each ecosystem's version order, plans the fewest requests of one operation (delete, \
            archive, unlist, restore, dispose), runs them concurrently at a safe rate, journals \
            every answer so that any interruption can be resumed, and writes reports.
            """,
        version: CabatchVersion.description,
        subcommands: [
            // One file per command; keep this list in the order of the pipeline.
            ExportCommand.self,
            SelectCommand.self,
            PlanCommand.self,
            ApplyCommand.self,
            RunCommand.self,
            StatusCommand.self,
            ReportCommand.self,
            OutcomesCommand.self,
            GenerateCommand.self,
            EmulatorCommand.self,
        ]
    )

    /// Parses and runs a command as `AsyncParsableCommand.main` does, but a usage error exits
    /// with 1 (bad usage or invalid input), as every cabatch refusal does, not the parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            let style = Self.style(of: command)
            Terminal.configure(quiet: style.quiet, noColor: style.noColor)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.invalidInput.rawValue)
            }
            exit(withError: error)
        }
    }

    /// `--quiet` and `--no-color` of a command that takes them, as plain values.
    private static func style(of command: any ParsableCommand) -> (quiet: Bool, noColor: Bool) {
        guard let options = (command as? any TakesGlobalOptions)?.global else { return (false, false) }
        return (options.quiet, options.noColor)
    }
}
