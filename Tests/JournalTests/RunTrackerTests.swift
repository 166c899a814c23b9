@testable import Journal
import Model
import Testing

/// Pins how runs are followed record by record: starts, ends and answers counted per run, a run
/// made for records before any start, times that never go back, and each answer's run.
@Suite struct RunTrackerTests {
    typealias F = JournalFixture

    static func start(_ second: Int64) -> RunStart {
        RunStart(time: F.at(second), endpoint: "http://127.0.0.1:4566", region: "us-east-1", concurrency: 4, cabatchVersion: "0.1.0")
    }

    @Test func runsAreStartedTouchedAnsweredAndEnded() {
        var tracker = RunTracker()
        tracker.start(Self.start(0))
        tracker.touch(F.at(3))
        tracker.answer(F.at(4))
        tracker.end(RunEnd(time: F.at(6), reason: .interrupted))
        tracker.start(Self.start(100))
        tracker.answer(F.at(101))
        tracker.answer(F.at(102))
        #expect(tracker.runs.count == 2)
        #expect(tracker.runs[0].start == Self.start(0) && tracker.runs[0].end?.reason == .interrupted)
        #expect(tracker.runs[0].firstTime == F.at(0) && tracker.runs[0].lastTime == F.at(6))
        #expect(tracker.runs[0].answers == 1 && tracker.runs[0].activeSeconds == 6)
        #expect(tracker.runs[1].end == nil && tracker.runs[1].lastTime == F.at(102) && tracker.runs[1].answers == 2)
        #expect(tracker.runs[1].activeSeconds == 2, "an unfinished run lasts to its last record")
    }

    @Test func recordsBeforeAnyStartMakeARunWithoutOne() {
        var tracker = RunTracker()
        tracker.touch(F.at(10))
        tracker.answer(F.at(12))
        #expect(tracker.runs.count == 1)
        #expect(tracker.runs[0].start == nil && tracker.runs[0].firstTime == F.at(10) && tracker.runs[0].lastTime == F.at(12))
    }

    @Test func aRecordOutOfTimeOrderNeverMovesTheEndBack() {
        var tracker = RunTracker()
        tracker.start(Self.start(50))
        tracker.touch(F.at(60))
        tracker.answer(F.at(55))
        #expect(tracker.runs[0].lastTime == F.at(60))
    }

    @Test func eachAnswerBelongsToTheLastRunStartedBeforeIt() {
        var tracker = RunTracker()
        tracker.start(Self.start(0))
        for s in Int64(1)...3 { tracker.answer(F.at(s)) }   // answers 0, 1, 2
        tracker.start(Self.start(10))                // a run without answers
        tracker.start(Self.start(20))
        for s in Int64(21)...22 { tracker.answer(F.at(s)) } // answers 3, 4
        tracker.end(RunEnd(time: F.at(30), reason: .completed))
        tracker.start(Self.start(40))
        tracker.answer(F.at(41))                     // answer 5
        #expect((0..<6).map(tracker.run(ofAnswer:)) == [0, 0, 0, 2, 2, 3])
        #expect(tracker.runs.map(\.answers) == [3, 0, 2, 1])
    }

    @Test func withoutRunsEveryAnswerIsInTheFirst() {
        var tracker = RunTracker()
        for s in Int64(1)...5 { tracker.answer(F.at(s)) }
        #expect((0..<5).map(tracker.run(ofAnswer:)) == [0, 0, 0, 0, 0])
    }
}
