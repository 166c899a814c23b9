import ArgumentParser
import Plan

/// `cabatch run`: plan and apply in one step.
struct RunCommand: AsyncParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Plan manifests and apply the plan in one step.",
        discussion: """
            The same as cabatch plan followed by cabatch apply. Running it again on the same \
            manifests makes the same plan, so an interrupted run resumes from its journal.
            """
    )

    @Argument(help: "Manifests to read (paths, or - for standard input).")
    var manifests: [String]

    @Option(name: [.customShort("o"), .customLong("output-plan")], help: "Where to write the plan (default: NAME.plan after the first manifest).")
    var plan: String?

    @Flag(help: "Run the valid rows even when some lines are rejected.")
    var skipInvalid = false

    @Option(help: "The 12-digit account that owns the domain, for rows without domainOwner.")
    var domainOwner: String?

    @OptionGroup(title: "Sharding")
    var sharding: ShardOptions

    @OptionGroup(title: "Operation")
    var operation: OperationOptions

    @OptionGroup(title: "AWS")
    var aws: AWSOptions

    @OptionGroup(title: "Execution")
    var flags: ExecutionFlags

    @Option(help: "Summary format: text (Markdown) or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func validate() throws {
        try PlanCommand.validate(manifests: manifests, domainOwner: domainOwner)
        _ = try operation.preconditions(expectedStatus: flags.expectedStatus)
    }

    func run() async throws {
        let outcome = try PlanCommand.plan(manifests: manifests, planPath: plan, rejectsPath: nil, domainOwner: domainOwner,
                                           shard: try sharding.resolve(), skipInvalid: skipInvalid, operation: operation.operation,
                                           preconditions: try operation.preconditions(expectedStatus: flags.expectedStatus),
                                           output: .text, table: false,
                                           // With --output json, standard output is the one JSON document.
                                           summaryToStandardError: output == .json)
        guard let planPath = outcome.planPath else { throw ExitCode.invalidInput }
        try await PlanRun(planPath: planPath, aws: aws, flags: flags, output: output).execute()
    }
}
