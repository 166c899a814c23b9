import Foundation
import Journal
import JSONLines
import Model
import Plan
import TestSupport
import Testing

/// Pins the journal index on its own: it reads a journal once, and its stretches replayed one
/// after another say what one replay of the whole plan says; it refuses another plan's journal,
/// records the plan lacks, and a journal changed after it was read.
@Suite struct JournalIndexTests {
    /// A plan of three packages (150, 5 and 30 versions: requests 1 and 2, 3, 4) and a journal of
    /// two runs: request 1 done, request 3's first answer lost then found absent, request 2 failed.
    struct Files {
        let dir: TemporaryDirectory
        let planPath: String
        let journalPath: String
        let plan: PlanFile.Contents

        static func time(_ second: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: 1_772_618_400_000 + second * 1000) }

        static func makePlan(_ dir: TemporaryDirectory, _ name: String, sizes: [Int]) throws -> String {
            var lines: [String] = []
            for (p, size) in sizes.enumerated() {
                lines += (0..<size).map { ManifestFixture.line(package: "pkg\(p)", version: "1.0.\($0)") }
            }
            let manifest = try dir.write(name + ".jsonl", ManifestFixture.text(lines))
            let planned = try Planner().plan([InputFile(manifest)]) { _ in }
            let path = dir.file(name + ".plan")
            try PlanFile.write(planned.header, requests: planned.builder, to: path)
            return path
        }

        init() throws {
            dir = try TemporaryDirectory()
            planPath = try Self.makePlan(dir, "m", sizes: [150, 5, 30])
            journalPath = JournalFile.path(forPlan: planPath)
            plan = try PlanFile.read(planPath)
            let r = Array(plan.requests)
            let writer = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "0.1.0", time: Self.time(0)).writer
            try writer.append(.runStart(RunStart(time: Self.time(1), endpoint: "http://127.0.0.1:4566", region: "us-east-1",
                                                 concurrency: 4, cabatchVersion: "0.1.0")))
            try writer.append(.intent(AttemptIntent(request: 1, attempt: 1, time: Self.time(2), versions: r[0].versions)))
            try writer.append(.intent(AttemptIntent(request: 3, attempt: 1, time: Self.time(2), versions: r[2].versions)))
            try writer.append(.answer(AttemptAnswer(request: 1, attempt: 1, time: Self.time(3), latencyMilliseconds: 80,
                                                    httpStatus: 200, serviceRequestId: "a",
                                                    results: r[0].versions.map { VersionResult($0, .done(revision: nil)) })))
            // Request 3's answer is lost: the run is killed.
            try writer.append(.runStart(RunStart(time: Self.time(100), endpoint: "http://127.0.0.1:4566", region: "us-east-1",
                                                 concurrency: 4, cabatchVersion: "0.1.1")))
            try writer.append(.intent(AttemptIntent(request: 3, attempt: 2, time: Self.time(101), versions: r[2].versions)))
            try writer.append(.answer(AttemptAnswer(request: 3, attempt: 2, time: Self.time(102), latencyMilliseconds: 90,
                                                    httpStatus: 200, serviceRequestId: "b",
                                                    results: r[2].versions.map { VersionResult($0, .absent) })))
            try writer.append(.intent(AttemptIntent(request: 2, attempt: 1, time: Self.time(103), versions: r[1].versions)))
            try writer.append(.answer(AttemptAnswer(request: 2, attempt: 1, time: Self.time(104), latencyMilliseconds: 70,
                                                    httpStatus: 200, serviceRequestId: "c",
                                                    results: r[1].versions.map { VersionResult($0, .failed(code: "NOT_ALLOWED", message: "no")) })))
            try writer.append(.runEnd(RunEnd(time: Self.time(105), reason: .completed)))
            try writer.close()
        }

        func index(requestCount: Int? = nil, planSHA256: String? = nil) throws -> JournalIndex {
            try JournalIndex(path: journalPath, planSHA256: planSHA256 ?? plan.sha256, requestCount: requestCount ?? plan.requests.count)
        }

        func whole() throws -> JournalReplay { try JournalFile.replay(journalPath, requests: plan.requests).0 }
    }

    @Test func runsAndHeaderAreTheWholeReplays() throws {
        let files = try Files()
        let index = try files.index()
        let whole = try files.whole()
        #expect(index.runs == whole.runs)
        #expect(index.runs.count == 2)
        #expect(index.header == whole.header && index.header?.planSHA256 == files.plan.sha256)
        #expect(index.tornLine == nil)
        #expect(index.path == files.journalPath)
    }

    @Test(arguments: [1, 60, 1 << 16])
    func stretchesTogetherAreTheWholeReplay(versionsPerStretch: Int) throws {
        let files = try Files()
        let whole = try files.whole()
        var totals = StateCounts(), statistics = JournalStatistics(), ids: [Int] = [], stretches = 0
        try files.index().forEachStretch(planPath: files.planPath, versionsPerStretch: versionsPerStretch) { replay in
            stretches += 1
            totals = totals + replay.totals
            statistics = statistics + replay.statistics
            for request in replay.requests {
                ids.append(request.id)
                #expect(Array(replay.states(request: request.id)) == Array(whole.states(request: request.id)), "request \(request.id)")
                #expect(replay.nextAttempt(request: request.id) == whole.nextAttempt(request: request.id))
            }
        }
        #expect(ids == [1, 2, 3, 4])
        #expect(stretches == (versionsPerStretch == 1 ? 3 : versionsPerStretch == 60 ? 2 : 1), "whole packages only")
        #expect(totals == whole.totals)
        #expect(totals.done == 100 && totals.failed == 50 && totals.absent == 5 && totals.pending == 30)
        var expected = whole.statistics
        expected.records = statistics.records
        #expect(statistics == expected)
        #expect(statistics.lostAnswersClosed == 1 && statistics.absentAfterLostAnswer == 5)
    }

    @Test func withoutAJournalEveryVersionIsPending() throws {
        let files = try Files()
        let index = JournalIndex(noJournalAt: files.dir.file("none.journal"), requestCount: files.plan.requests.count)
        #expect(index.header == nil && index.runs.isEmpty && index.tornLine == nil)
        var totals = StateCounts()
        try index.forEachStretch(planPath: files.planPath) { totals = totals + $0.totals }
        #expect(totals.pending == 185 && totals.total == 185)
    }

    @Test func aJournalOfAnotherPlanIsRefused() throws {
        let files = try Files()
        let other = String(repeating: "0", count: 64)
        #expect(throws: JournalError.otherPlan(file: files.journalPath, journalPlan: files.plan.sha256, plan: other)) {
            try files.index(planSHA256: other)
        }
        // Streamed against another plan of as many requests, the plan's digest gives it away.
        let otherPlan = try Files.makePlan(files.dir, "other", sizes: [150, 5, 31])
        let otherSHA = try PlanFile.read(otherPlan).sha256
        #expect(throws: JournalError.otherPlan(file: files.journalPath, journalPlan: files.plan.sha256, plan: otherSHA)) {
            try files.index().forEachStretch(planPath: otherPlan) { _ in }
        }
    }

    @Test func aRecordOfARequestThePlanLacksIsInconsistent() throws {
        let files = try Files()
        #expect { try files.index(requestCount: 2) } throws: { error in
            guard let error = error as? JournalError, error.code == "inconsistent-journal" else { return false }
            return "\(error)".contains("request 3 is not in the plan (it has 2 requests)")
        }
        let bigger = try Files.makePlan(files.dir, "bigger", sizes: [150, 5, 30, 1])
        #expect(throws: PlanError.damaged(file: bigger, line: 6, reason: "request 5 is past the 4 the journal's plan has")) {
            try files.index().forEachStretch(planPath: bigger) { _ in }
        }
    }

    @Test func aJournalChangedAfterItWasIndexedIsRefused() throws {
        let files = try Files()
        let index = try files.index()
        // One digit of a version in request 1's intent (line 3), the length unchanged.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: files.journalPath)))
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let at = try #require(bytes[lineStarts[2]...].firstIndex(of: UInt8(ascii: "7")))
        bytes[at] = UInt8(ascii: "8")
        try Data(bytes).write(to: URL(fileURLWithPath: files.journalPath))
        #expect { try index.forEachStretch(planPath: files.planPath) { _ in } } throws: { error in
            guard case .damaged(let file, 3, let reason) = error as? JournalError else { return false }
            return file == files.journalPath && reason.hasPrefix("changed since it was read: ")
        }
        try Data().write(to: URL(fileURLWithPath: files.journalPath))
        #expect(throws: JournalError.io(file: files.journalPath, operation: "read", reason: "the file is shorter than when it was read")) {
            try index.forEachStretch(planPath: files.planPath) { _ in }
        }
    }

    @Test func aTornLastLineIsLeftOutAndNamed() throws {
        let files = try Files()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: files.journalPath))
        _ = try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":12,"type":"intent","req"#.utf8))
        try handle.close()
        let index = try files.index()
        #expect(index.tornLine == 12)
        var totals = StateCounts()
        try index.forEachStretch(planPath: files.planPath) { totals = totals + $0.totals }
        #expect(totals == (try files.whole()).totals)
    }
}
