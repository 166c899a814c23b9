import ArgumentParser
import CodeArtifact
import Execution
import Journal
import Foundation
import JSONLines
import Model

/// The end-of-run summary, from the journal: what the plan's versions now are, across every run.
struct ApplySummary {
    var planPath: String
    var operation: BatchOperation
    /// The plan's versions by state, from the journal.
    var totals: StateCounts
    var reason: StopReason?
    var result: ExecutionResult?
    /// The journal's figures for this run alone: the same counts the reports and `status` give.
    var thisRun: JournalStatistics?
    var resume: String

    var exitCode: ExitCode {
        switch reason {
        case .completed?, nil:
            if totals.pending > 0 { return .stoppedEarly }
            return totals.failed > 0 ? .someFailed : .success
        case let reason?:
            // Refused before anything was answered: credentials or endpoint, not a partial run.
            if (result?.progress.settled ?? 0) == 0, reason.refusesEveryRequest { return .cannotConnect }
            return .stoppedEarly
        }
    }

    /// The deletion report's Markdown, then this run's figures and, when it stopped early, how to resume.
    func markdown(report: String) -> String {
        let t = totals
        var lines = [report.trimmingCharacters(in: .whitespacesAndNewlines)]
        if let result, let s = thisRun {
            let p = result.progress
            let seconds = max(p.elapsed, 0.001)
            lines.append("")
            lines.append("This run: \(s.attempts.grouped) requests sent in \(String(format: "%.1f", p.elapsed)) s "
                         + "(\(String(format: "%.0f", Double(s.answers) / seconds)) requests/s, "
                         + "\(String(format: "%.0f", Double(p.settled) / seconds)) versions/s), \(s.retries.grouped) retries, \(s.throttled.grouped) throttled.")
        }
        switch reason {
        case .interrupted?: lines += ["", "Stopped by Ctrl-C. Resume with: `\(resume)`"]
        case .failureThreshold(let failed, let answered)?:
            lines += ["", "Stopped: \(failed.grouped) of \(answered.grouped) answered versions failed, above --max-failure-rate. Resume with: `\(resume)`"]
        case let reason? where reason.error != nil:
            let error = reason.error!
            lines += ["", "Stopped: \(error.cause): \(error.message). Fix it, then resume with: `\(resume)`"]
        case .completed?, nil, .some:
            if t.pending > 0 { lines += ["", "\(t.pending.grouped) versions are still pending (out of attempts). Resume with: `\(resume)`"] }
        }
        return lines.joined(separator: "\n")
    }

    func json() -> JSONWriter {
        let t = totals
        var w = JSONWriter()
        w.beginObject()
        w.member("plan", planPath)
        w.member("stopReason", reason?.code)
        w.member("operation", operation.rawValue)
        w.key("versions")
        w.beginObject()
        for state in VersionState.reported { w.member(state.stableName, t[state]) }
        w.member("planned", t.total)
        w.endObject()
        if let p = result?.progress, let s = thisRun {
            w.key("run")
            w.beginObject()
            w.member("requestsSent", s.attempts)
            w.member("requestsAnswered", s.answers)
            w.member("retries", s.retries)
            w.member("throttled", s.throttled)
            w.member("seconds", p.elapsed)
            w.endObject()
        }
        w.member("exitCode", Int(exitCode.rawValue))
        w.member("resume", reason == .completed && t.pending == 0 ? nil : resume)
        w.endObject()
        return w
    }
}
