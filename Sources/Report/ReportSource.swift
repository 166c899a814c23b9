import Foundation
import Journal
import Plan

/// One plan and its journal (one shard of a job), ready to aggregate.
public struct ReportSource: Sendable {
    /// The plan's file name (no directory, so that reports do not depend on where they were made).
    public var planName: String
    public var planHeader: PlanHeader
    public var planSHA256: String
    /// The journal replayed against the plan's requests (it holds them).
    public var replay: JournalReplay
    /// The journal's file name, or `nil` when the plan has no journal yet.
    public var journalName: String?
    /// A torn last line the journal reader left out.
    public var tornLine: Int?

    public init(planName: String, planHeader: PlanHeader, planSHA256: String, replay: JournalReplay,
                journalName: String?, tornLine: Int? = nil) {
        self.planName = planName
        self.planHeader = planHeader
        self.planSHA256 = planSHA256
        self.replay = replay
        self.journalName = journalName
        self.tornLine = tornLine
    }

    /// Reads a plan and replays its journal. `path` is the plan or its journal (`PLAN.journal`);
    /// a plan without a journal reports every version `pending`.
    public static func load(_ path: String) throws -> ReportSource {
        let planPath = path.hasSuffix(".journal") ? String(path.dropLast(".journal".count)) : path
        let journalPath = JournalFile.path(forPlan: planPath)
        let plan = try PlanFile.read(planPath)
        var replay = JournalReplay(requests: plan.requests, source: journalPath)
        var journalName: String?
        var tornLine: Int?
        if FileManager.default.fileExists(atPath: journalPath) {
            let result = try JournalFile.read(journalPath) { sequence, record in
                if case .header(let header) = record, header.planSHA256 != plan.sha256 {
                    throw JournalError.otherPlan(file: journalPath, journalPlan: header.planSHA256, plan: plan.sha256)
                }
                try replay.apply(record, sequence: sequence)
            }
            journalName = fileName(journalPath)
            tornLine = result.tornLine
        }
        return ReportSource(planName: fileName(planPath), planHeader: plan.header, planSHA256: plan.sha256,
                            replay: replay, journalName: journalName, tornLine: tornLine)
    }

    static func fileName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
