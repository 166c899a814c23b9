import ArgumentParser
import Journal
import JSONLines
import Model
import Report

/// `cabatch outcomes`: the versions of a plan in one state, as a manifest.
struct OutcomesCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "Write the versions of a plan that ended in one state as a manifest.",
        discussion: """
            Reads the plan and its journal and writes one manifest row per version in the state: \
            done (or the operation's name for it: deleted, archived, unlisted, restored, disposed), \
            absent, changed, failed or pending. Rows of done versions carry the status the \
            operation gave them, so a plan made from them expects exactly that: archive now, and \
            later delete what is still archived with `cabatch outcomes archive.plan --state done \
            -o archived.jsonl` and `cabatch run archived.jsonl` (a version restored meanwhile is \
            changed, and left alone).
            """
    )

    @Argument(help: "The plan (its journal is PLAN.journal).")
    var plan: String

    @Option(help: "done, absent, changed, failed or pending (done may be named after the operation: archived, deleted, …).")
    var state: String

    @Option(name: [.customShort("o"), .customLong("output-manifest")],
            help: ArgumentHelp("Where to write the manifest (zstd when it ends in .zst).", valueName: "manifest"))
    var manifest: String

    @Option(help: "Summary format: text or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func run() throws {
        let source: PlanJournal
        do { source = try PlanJournal.load(plan) } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let operation = source.planHeader.operation
        guard let wanted = OutcomeManifest.state(named: state, operation: operation) else {
            Terminal.err("error: --state \(state) is not a state of a \(operation.rawValue) plan; use done (or \(operation.doneName)), absent, changed, failed or pending")
            throw ExitCode.invalidInput
        }
        let summary: OutcomeManifest.Summary
        do { summary = try OutcomeManifest.write(source, state: wanted, to: manifest) } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        switch output {
        case .text:
            Terminal.summary("\(summary.versions.grouped) \(wanted.name(for: operation)) versions of \(summary.packages.grouped) packages from \(plan) (\(operation.rawValue)) → \(manifest)")
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.member("plan", plan)
            w.member("operation", operation.rawValue)
            w.member("state", wanted.stableName)
            w.member("stateName", wanted.name(for: operation))
            w.member("versions", summary.versions)
            w.member("packages", summary.packages)
            w.member("manifest", manifest)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self))
        }
    }
}
