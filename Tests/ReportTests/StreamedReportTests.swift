import Foundation
import Journal
import Plan
import Report
import TestSupport
import Testing
import JSONLines
import Model

/// Reports loaded from files replay the plan a stretch of packages at a time; they must say
/// exactly what one replay of the whole plan says, wherever the stretches are cut.
@Suite struct StreamedReportTests {
    /// A plan of packages of 1 to 260 versions (some span several requests) and a journal of two
    /// runs: lost answers, throttled and transport-failed attempts, every outcome, and retries in
    /// batches that cross request boundaries.
    struct Files {
        let dir: TemporaryDirectory
        let planPath: String
        let plan: PlanFile.Contents

        init() throws {
            dir = try TemporaryDirectory()
            var random = SplitMix64(seed: 5)
            var lines: [String] = []
            for p in 0..<14 {
                let count = [1, 3, 101, 260, 40, 7][p % 6] + p
                for v in 0..<count {
                    lines.append(ManifestFixture.line(repository: p % 3 == 0 ? "pypi-store" : "npm-store",
                                                      format: p % 3 == 0 ? "pypi" : "npm",
                                                      namespace: p % 3 == 1 ? "scope\(p)" : nil,
                                                      package: "pkg\(p)", version: "1.\(v).\(random.next() % 9)"))
                }
            }
            let manifest = try dir.write("m.jsonl", ManifestFixture.text(lines))
            let planned = try Planner().plan([InputFile(manifest)]) { _ in }
            planPath = dir.file("m.plan")
            try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
            plan = try PlanFile.read(planPath)

            var clock: Int64 = 1_772_618_400_000
            func tick() -> Timestamp { clock += 37; return Timestamp(millisecondsSinceEpoch: clock) }
            let writer = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "0.1.0", time: tick()).writer
            try writer.append(.runStart(RunStart(time: tick(), endpoint: "http://127.0.0.1:4566", region: "us-east-1",
                                                 concurrency: 8, cabatchVersion: "0.1.0")))
            for request in plan.requests {
                try writer.append(.intent(AttemptIntent(request: request.id, attempt: 1, time: tick(), versions: request.versions)))
                let roll = random.unit()
                if roll < 0.1 { continue }  // its answer is lost
                if roll < 0.2 {
                    try writer.append(.answer(AttemptAnswer(
                        request: request.id, attempt: 1, time: tick(), latencyMilliseconds: 30, httpStatus: 429,
                        serviceRequestId: "t-\(request.id)", errorType: "ThrottlingException", errorMessage: "Rate exceeded",
                        throttled: true, results: [])))
                    continue
                }
                if roll < 0.25 {
                    try writer.append(.answer(AttemptAnswer(
                        request: request.id, attempt: 1, time: tick(), latencyMilliseconds: 5000, httpStatus: nil,
                        serviceRequestId: nil, errorType: "ConnectionReset", errorMessage: "connection reset by peer", results: [])))
                    continue
                }
                let results = request.versions.map { version -> VersionResult in
                    let r = random.unit()
                    if r < 0.6 { return VersionResult(version, .done(revision: "r")) }
                    if r < 0.75 { return VersionResult(version, .absent) }
                    if r < 0.8 { return VersionResult(version, .failed(code: "MISMATCHED_STATUS", message: "Version \(version) is Archived")) }
                    if r < 0.85 { return VersionResult(version, .failed(code: "NOT_ALLOWED", message: "Not allowed")) }
                    return VersionResult(version, .retryable(code: "SKIPPED", message: "Skipped"))
                }
                try writer.append(.answer(AttemptAnswer(
                    request: request.id, attempt: 1, time: tick(), latencyMilliseconds: 50 + Int(random.next() % 300),
                    httpStatus: 200, serviceRequestId: "a-\(request.id)", results: results)))
            }
            try writer.append(.runEnd(RunEnd(time: tick(), reason: .interrupted)))
            try writer.close()

            // The second run retries what is pending in batches, as `apply` does, and is killed halfway.
            let (replay, _) = try JournalFile.replay(JournalFile.path(forPlan: planPath), requests: plan.requests)
            let again = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "0.1.1", time: tick()).writer
            try again.append(.runStart(RunStart(time: tick(), endpoint: "http://127.0.0.1:4566", region: "us-east-1",
                                                concurrency: 8, cabatchVersion: "0.1.1")))
            let batches = replay.pendingRequests()
            for batch in batches.prefix(batches.count * 2 / 3) {
                let attempt = replay.nextAttempt(request: batch.id)
                try again.append(.intent(AttemptIntent(request: batch.id, attempt: attempt, time: tick(), versions: batch.versions)))
                let results = batch.versions.map { version -> VersionResult in
                    let r = random.unit()
                    if r < 0.7 { return VersionResult(version, .done(revision: "s")) }
                    if r < 0.9 { return VersionResult(version, .absent) }
                    return VersionResult(version, .failed(code: "NOT_ALLOWED", message: "Not allowed"))
                }
                try again.append(.answer(AttemptAnswer(
                    request: batch.id, attempt: attempt, time: tick(), latencyMilliseconds: 90, httpStatus: 200,
                    serviceRequestId: "b-\(batch.id)", results: results)))
            }
            try again.close()
        }

        /// The same plan and journal as one replay of the whole plan.
        func wholeSource() throws -> PlanJournal {
            let (replay, read) = try JournalFile.replay(JournalFile.path(forPlan: planPath), requests: plan.requests)
            return PlanJournal(planName: "m.plan", planHeader: plan.header, planSHA256: plan.sha256, replay: replay,
                                journalName: "m.plan.journal", tornLine: read.tornLine)
        }
    }

    static func csv(_ sources: [PlanJournal], failedOnly: Bool = false) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try CSVReport.write(sources, failedOnly: failedOnly, chunkSize: 4096) { bytes += $0 }
        return bytes
    }

    @Test(arguments: [1, 100, 333, 1 << 16])
    func streamingAgreesWithAWholeReplay(versionsPerStretch: Int) throws {
        let files = try Files()
        let whole = try files.wholeSource()
        let streamed = try PlanJournal.load(files.planPath, versionsPerStretch: versionsPerStretch)
        let expected = try ReportData(sources: [whole])
        // The journal exercises what a stretch could get wrong.
        #expect(expected.totals.done > 0 && expected.totals.absent > 0 && expected.totals.failed > 0 && expected.totals.pending > 0)
        #expect(expected.failures.count == 2 && expected.requests.lostAnswers > 0 && expected.requests.throttled > 0)
        #expect(expected.requests.transportErrors > 0 && expected.shards[0].runs.count == 2)
        #expect(try ReportData(sources: [streamed]) == expected)
        #expect(try Self.csv([streamed]) == Self.csv([whole]))
        #expect(try Self.csv([streamed], failedOnly: true) == Self.csv([whole], failedOnly: true))
    }

    /// Stretches hold whole packages: a 260-version package is never cut, however small they are.
    @Test func stretchesHoldWholePackages() throws {
        let files = try Files()
        var seen: [PackageKey] = []
        var ids: [Int] = []
        try PlanJournal.load(files.planPath, versionsPerStretch: 1).forEachStretch { replay in
            for package in 0..<replay.requests.packageCount {
                let key = replay.requests.key(ofPackage: package)
                #expect(!seen.contains(key), "\(key.packageName) is in two stretches")
                seen.append(key)
            }
            ids += replay.requests.map(\.id)
        }
        #expect(ids == Array(1...files.plan.requests.count))
        #expect(seen.count == files.plan.header.totals.packages)
    }

    @Test func aRecordOfARequestTheJournalsPlanLacksIsRefused() throws {
        let files = try Files()
        let writer = try JournalWriter.open(forPlan: files.planPath, plan: files.plan, cabatchVersion: "0.1.0",
                                            time: Timestamp(millisecondsSinceEpoch: 1_772_700_000_000)).writer
        try writer.append(.intent(AttemptIntent(request: files.plan.requests.count + 1, attempt: 1,
                                                time: Timestamp(millisecondsSinceEpoch: 1_772_700_000_001), versions: ["9"])))
        try writer.close()
        #expect { try PlanJournal.load(files.planPath) } throws: { error in
            guard let error = error as? JournalError, error.code == "inconsistent-journal" else { return false }
            return "\(error)".contains("request \(files.plan.requests.count + 1) is not in the plan")
        }
    }
}
