import ArgumentParser

/// Batch operations for AWS CodeArtifact: plan, apply and report on manifests of package versions.
@main
struct Cabatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cabatch",
        abstract: "Batch operations for AWS CodeArtifact.",
        discussion: """
            Plans manifests of package versions into the fewest DeletePackageVersions requests, \
            runs them concurrently at a safe rate, journals every answer so that any interruption \
            can be resumed, and writes deletion reports.
            """,
        version: CabatchVersion.current,
        subcommands: [
            // One file per command; keep this list in the order of the pipeline.
            PlanCommand.self,
            ApplyCommand.self,
            RunCommand.self,
            StatusCommand.self,
            ReportCommand.self,
            GenerateCommand.self,
            EmulatorCommand.self,
        ]
    )
}
