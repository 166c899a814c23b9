@testable import Journal
import Model
import Testing

/// Pins the counts replay keeps beyond states: per-state counts, one run's own figures (`since`),
/// stretches summed (`+`), and the answer and run summaries reports read.
@Suite struct JournalStatisticsTests {
    typealias F = JournalFixture

    static var sample: JournalStatistics {
        var s = JournalStatistics()
        s.records = 40
        s.attempts = 10
        s.retries = 3
        s.answers = 9
        s.throttled = 2
        s.transportErrors = 1
        s.lostAnswersClosed = 1
        s.absentAfterLostAnswer = 4
        s.httpStatuses = [200: 6, 429: 2]
        s.errorTypes = ["ThrottlingException": 2, "ConnectionReset": 1]
        return s
    }

    @Test func stateCountsAreAddressedByStateAndSummed() {
        var a = StateCounts()
        a[.done] = 3
        a[.absent] += 2
        a[.failed] = 1
        a.pending = 4
        a.changed = 5
        #expect(a.total == 15)
        // In the states' order: pending, failed, changed, absent, done.
        #expect(VersionState.allCases.map { a[$0] } == [4, 1, 5, 2, 3])
        #expect(a.done == 3 && a.absent == 2 && a.failed == 1 && a[.pending] == 4)
        let sum = a + a
        #expect(sum.done == 6 && sum.absent == 4 && sum.failed == 2 && sum.pending == 8 && sum.changed == 10 && sum.total == 30)
        #expect(StateCounts() + a == a)
    }

    @Test func sinceIsOneRunsOwnFigures() {
        var later = Self.sample
        later.records = 55
        later.attempts = 14
        later.retries = 5
        later.answers = 12
        later.throttled = 3
        later.transportErrors = 1
        later.lostAnswersClosed = 2
        later.absentAfterLostAnswer = 6
        later.httpStatuses[200] = 9
        let run = later.since(Self.sample)
        #expect(run.attempts == 4 && run.retries == 2 && run.answers == 3 && run.throttled == 1)
        #expect(run.transportErrors == 0 && run.lostAnswersClosed == 1 && run.absentAfterLostAnswer == 2)
        #expect(run.records == 0 && run.httpStatuses.isEmpty && run.errorTypes.isEmpty, "left empty, as documented")
        #expect(Self.sample.since(Self.sample) == JournalStatistics())
    }

    @Test func stretchesAddUpButForTheRecords() {
        var other = JournalStatistics()
        other.records = 12
        other.attempts = 1
        other.answers = 1
        other.httpStatuses = [200: 1, 500: 3]
        other.errorTypes = ["ConnectionReset": 2, "InternalServerException": 3]
        let sum = Self.sample + other
        #expect(sum.records == 40, "every stretch replays the run boundaries: records are not summed")
        #expect(sum.attempts == 11 && sum.answers == 10 && sum.retries == 3)
        #expect(sum.httpStatuses == [200: 7, 429: 2, 500: 3])
        #expect(sum.errorTypes == ["ThrottlingException": 2, "ConnectionReset": 3, "InternalServerException": 3])
        #expect(JournalStatistics() + Self.sample == { var s = Self.sample; s.records = 0; return s }())
    }

    @Test func anAnswerSummaryReadsThroughToItsAnswer() {
        guard case .answer(let answer) = F.answer(2, 3, 9, status: 429, error: "ThrottlingException", throttled: true, []) else {
            Issue.record("not an answer")
            return
        }
        let summary = AnswerSummary(answer: answer, run: 1, settled: 0, done: 0)
        #expect(summary.request == 2 && summary.attempt == 3 && summary.httpStatus == 429)
        #expect(summary.errorType == "ThrottlingException" && summary.throttled && summary.time == F.at(9))
    }

    @Test func aRunIsActiveFromItsFirstRecordToItsEndOrItsLast() {
        var run = RunSummary(start: nil, end: nil, firstTime: F.at(10), lastTime: F.at(25))
        #expect(run.activeSeconds == 15)
        run.end = RunEnd(time: F.at(30), reason: .completed)
        #expect(run.activeSeconds == 20)
        #expect(run.answers == 0)
    }
}
