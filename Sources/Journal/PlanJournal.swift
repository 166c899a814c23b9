import Foundation

import Plan

/// One plan and its journal (one shard of a job): what `apply`, `status` and reports read.
///
/// Loaded from files (`load`), it holds the journal's index, not the plan: reports stream the plan
/// and replay it a stretch of packages at a time, so their memory does not grow with its versions.
public struct PlanJournal: Sendable {
    /// The plan's file name (no directory, so that reports do not depend on where they were made).
    public var planName: String
    public var planHeader: PlanHeader
    public var planSHA256: String
    /// The journal's file name, or `nil` when the plan has no journal yet.
    public var journalName: String?
    /// A torn last line the journal reader left out.
    public var tornLine: Int?
    /// Versions and requests in the plan.
    public private(set) var plannedVersions: Int
    public private(set) var plannedRequests: Int
    public private(set) var journalHeader: JournalHeader?
    /// The journal's runs, in order.
    public private(set) var runs: [RunSummary]
    private let storage: Storage

    private enum Storage: Sendable {
        /// A whole plan replayed in memory.
        case replay(JournalReplay)
        /// A plan file and its journal's index, replayed stretch by stretch.
        case files(planPath: String, index: JournalIndex, versionsPerStretch: Int)
    }

    /// A source from a whole replay of the plan's requests.
    public init(planName: String, planHeader: PlanHeader, planSHA256: String, replay: JournalReplay,
                journalName: String?, tornLine: Int? = nil) {
        self.init(planName: planName, planHeader: planHeader, planSHA256: planSHA256, journalName: journalName,
                  tornLine: tornLine, plannedVersions: replay.versionCount, plannedRequests: replay.requests.count,
                  journalHeader: replay.header, runs: replay.runs, storage: .replay(replay))
    }

    /// Reads a plan's header and indexes its journal. `path` is the plan or its journal
    /// (`PLAN.journal`); a plan without a journal reports every version `pending`.
    /// `versionsPerStretch` bounds what one stretch replays (see `JournalIndex.forEachStretch`).
    public static func load(_ path: String, versionsPerStretch: Int = 1 << 16) throws -> PlanJournal {
        let planPath = path.hasSuffix(".journal") ? String(path.dropLast(".journal".count)) : path
        let journalPath = JournalFile.path(forPlan: planPath)
        // The header, the file's digest and the seal now, before any report streams (and prints)
        // requests; each stream then decodes and checks the requests again as it goes.
        let (header, sha256) = try PlanFile.readSealedHeader(planPath)
        let requestCount = header.totals.requests
        let hasJournal = FileManager.default.fileExists(atPath: journalPath)
        let index = hasJournal
            ? try JournalIndex(path: journalPath, planSHA256: sha256, requestCount: requestCount)
            : JournalIndex(noJournalAt: journalPath, requestCount: requestCount)
        return PlanJournal(planName: fileName(planPath), planHeader: header, planSHA256: sha256,
                            journalName: hasJournal ? fileName(journalPath) : nil, tornLine: index.tornLine,
                            plannedVersions: header.totals.versions, plannedRequests: requestCount, journalHeader: index.header,
                            runs: index.runs,
                            storage: .files(planPath: planPath, index: index, versionsPerStretch: versionsPerStretch))
    }

    private init(planName: String, planHeader: PlanHeader, planSHA256: String, journalName: String?, tornLine: Int?,
                 plannedVersions: Int, plannedRequests: Int, journalHeader: JournalHeader?, runs: [RunSummary],
                 storage: Storage) {
        self.planName = planName
        self.planHeader = planHeader
        self.planSHA256 = planSHA256
        self.journalName = journalName
        self.tornLine = tornLine
        self.plannedVersions = plannedVersions
        self.plannedRequests = plannedRequests
        self.journalHeader = journalHeader
        self.runs = runs
        self.storage = storage
    }

    /// Calls `body` with replays of the plan's consecutive stretches, in plan order (one stretch, the
    /// whole plan, for a source made from a replay). Packages are never split between stretches;
    /// stretches' runs are not the journal's (see `runs`).
    public func forEachStretch(_ body: (JournalReplay) throws -> Void) throws {
        switch storage {
        case .replay(let replay):
            try body(replay)
        case .files(let planPath, let index, let versionsPerStretch):
            try index.forEachStretch(planPath: planPath, versionsPerStretch: versionsPerStretch, body)
        }
    }

    public static func fileName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
