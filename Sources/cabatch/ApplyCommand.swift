import ArgumentParser

/// `cabatch apply`: run a plan, resuming from its journal.
struct ApplyCommand: AsyncParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run a plan's requests, journaling every answer; resumes where an earlier run stopped.",
        discussion: """
            Sends the plan's DeletePackageVersions requests concurrently at an adaptive rate, \
            records every attempt and answer in PLAN.journal, and sends only the versions the \
            journal still has pending. Asks for confirmation unless --yes. Ctrl-C once stops \
            sending and waits for requests in flight; twice exits at once.
            """
    )

    @Argument(help: "The plan to run (from cabatch plan).")
    var plan: String

    @OptionGroup(title: "AWS")
    var aws: AWSOptions

    @OptionGroup(title: "Execution")
    var flags: ExecutionFlags

    @Option(help: "Summary format: text (Markdown) or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func run() async throws {
        try await PlanRun(planPath: plan, aws: aws, flags: flags, output: output).execute()
    }
}
