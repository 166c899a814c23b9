import ArgumentParser
import Foundation
import Journal
import Plan
import Report
import JSONLines

/// `cabatch status`: what is done and pending, from the plan's journal, without the network.
struct StatusCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what is done and what is pending for a plan, from its journal (no network)."
    )

    @Argument(help: "The plan whose journal to read.")
    var plan: String

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func run() throws {
        // The plan streams a stretch of whole packages at a time against an index of the
        // journal, as reports do: memory follows the journal's records, not the plan's versions.
        let source: PlanJournal, tally: PlanJournal.Tally
        do {
            source = try PlanJournal.load(plan)
            tally = try source.tally()
        } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let journalPath = JournalFile.path(forPlan: plan)
        let hasJournal = source.journalName != nil
        let t = tally.states
        let operation = source.planHeader.operation
        let (attempts, retries, throttled) = (tally.statistics.attempts, tally.statistics.retries, tally.statistics.throttled)
        switch output {
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.member("plan", plan)
            w.member("journal", hasJournal ? journalPath : nil)
            w.member("operation", operation.rawValue)
            for state in VersionState.reported { w.member(state.stableName, t[state]) }
            w.member("planned", t.total)
            w.member("runs", source.runs.count)
            w.member("attempts", attempts)
            w.member("retries", retries)
            w.member("throttled", throttled)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self))
        case .text:
            let settled = t.total - t.pending
            let percent = t.total == 0 ? 100 : Double(settled) * 100 / Double(t.total)
            var lines = ["\(plan) (\(operation.rawValue)): \(settled.grouped) of \(t.total.grouped) versions final (\(String(format: "%.1f", percent))%)"]
            for state in VersionState.reported where state != .changed || t.changed > 0 || operation != .delete {
                let name = state.name(for: operation)
                lines.append("  " + name + String(repeating: " ", count: max(1, 9 - name.count)) + t[state].grouped)
            }
            lines.append("\(source.runs.count) run(s), \(attempts.grouped) attempts, \(retries.grouped) retries, \(throttled.grouped) throttled")
            Terminal.summary(lines.joined(separator: "\n"))
        }
    }
}
