import ArgumentParser
import Foundation
import Journal
import Manifest
import Plan

/// `cabatch status`: what is done and pending, from the plan's journal, without the network.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what is done and what is pending for a plan, from its journal (no network)."
    )

    @Argument(help: "The plan whose journal to read.")
    var plan: String

    @Option(help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() throws {
        let contents: PlanFile.Contents
        do { contents = try PlanFile.read(plan) } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        var replay = JournalReplay(requests: contents.requests, source: JournalFile.path(forPlan: plan))
        if FileManager.default.fileExists(atPath: replay.source) {
            do {
                _ = try JournalFile.read(replay.source) { sequence, record in
                    if case .header(let header) = record, header.planSHA256 != contents.sha256 {
                        throw JournalError.otherPlan(file: replay.source, journalPlan: header.planSHA256, plan: contents.sha256)
                    }
                    try replay.apply(record, sequence: sequence)
                }
            } catch {
                Terminal.err("error: \(error)")
                throw ExitCode.invalidInput
            }
        }
        let t = replay.totals
        switch output {
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.member("plan", plan)
            w.member("journal", FileManager.default.fileExists(atPath: replay.source) ? replay.source : nil)
            w.member("deleted", t.deleted)
            w.member("absent", t.absent)
            w.member("failed", t.failed)
            w.member("pending", t.pending)
            w.member("planned", t.total)
            w.member("runs", replay.runs.count)
            w.member("attempts", replay.statistics.attempts)
            w.member("retries", replay.statistics.retries)
            w.member("throttled", replay.statistics.throttled)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self))
        case .text:
            let done = t.deleted + t.absent + t.failed
            let percent = t.total == 0 ? 100 : Double(done) * 100 / Double(t.total)
            Terminal.out("""
                \(plan): \(done.grouped) of \(t.total.grouped) versions final (\(String(format: "%.1f", percent))%)
                  deleted  \(t.deleted.grouped)
                  absent   \(t.absent.grouped)
                  failed   \(t.failed.grouped)
                  pending  \(t.pending.grouped)
                \(replay.runs.count) run(s), \(replay.statistics.attempts.grouped) attempts, \(replay.statistics.retries.grouped) retries, \(replay.statistics.throttled.grouped) throttled
                """)
        }
    }
}
