import CodeArtifact
import Execution
import Foundation
import Journal
import Model
import Plan
import TestSupport
import Testing

/// Pins `JournalRecorder`: what each record says (attempt numbers across runs, latency in
/// milliseconds, how each stop is worded), `durable` callbacks only once a sync covers the
/// answer, and nothing recorded before a writer is attached or after `finish`.
@Suite struct JournalRecorderTests {
    static let key = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "left-pad")
    static let requests = [BatchRequest(id: 1, key: key, versions: ["1", "2"]), BatchRequest(id: 2, key: key, versions: ["3"])]
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    final class Fired: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func add(_ name: String) { lock.withLock { names.append(name) } }
        var all: [String] { lock.withLock { names } }
    }

    /// A recorder attached to a new journal in `directory`.
    private func recorder(_ directory: TemporaryDirectory) throws -> (JournalRecorder, String) {
        let path = directory.file("plan.journal")
        let recorder = JournalRecorder()
        let opened = try JournalWriter.open(path: path, planSHA256: String(repeating: "ab", count: 32), requests: Self.requests,
                                            cabatchVersion: "test", time: Timestamp(date: Self.start),
                                            onDurable: recorder.durabilityHandler)
        recorder.attach(opened.writer)
        return (recorder, path)
    }

    private func records(_ path: String) throws -> [JournalRecord] {
        var records: [JournalRecord] = []
        _ = try JournalFile.read(path) { _, record in records.append(record) }
        return records
    }

    private func answer() -> AttemptOutcome {
        AttemptOutcome(output: PackageVersionsOutput(
            result: PackageVersionsResult(successfulVersions: ["1": SuccessfulPackageVersion(revision: "R1", status: .deleted)],
                                          failedVersions: ["2": PackageVersionFailure(errorCode: .notFound, errorMessage: "gone")]),
            httpStatus: 200, requestID: "req-1"), versions: ["1", "2"])
    }

    @Test func recordsIntentsAndAnswersAsTheJournalsRecords() throws {
        let directory = try TemporaryDirectory("cabatch-recorder")
        let (recorder, path) = try recorder(directory)
        let runStart = RunStart(time: Timestamp(date: Self.start), endpoint: "http://127.0.0.1:1", region: "us-east-1",
                                concurrency: 4, cabatchVersion: "test")
        try recorder.recordRunStart(runStart)
        // Two attempts in earlier runs, and this run's second: the journal numbers it 4.
        let item = WorkItem(key: Self.key, segments: [WorkItem.Segment(requestID: 1, versions: ["1", "2"])], attempts: 2,
                            priorAttempts: 2)
        let attempt = recorder.recordIntent(item, at: Self.start.addingTimeInterval(1))
        #expect(attempt == 4)
        let fired = Fired()
        recorder.recordAnswer(item, attempt: attempt, answer: answer(), at: Self.start.addingTimeInterval(2), latency: 0.1234) {
            fired.add("answer")
        }
        try recorder.finish(.completed, at: Self.start.addingTimeInterval(3))
        #expect(fired.all == ["answer"], "every durable callback has run when finish returns")
        #expect(recorder.recordingFailure == nil)

        let written = try records(path)
        #expect(written.count == 5)
        #expect(written[1] == .runStart(runStart))
        #expect(written[2] == .intent(AttemptIntent(request: 1, attempt: 4, time: Timestamp(millisecondsSinceEpoch: 1_767_225_601_000),
                                                    versions: ["1", "2"])))
        guard case .answer(let recorded) = written[3] else { Issue.record("no answer record"); return }
        #expect(recorded.request == 1 && recorded.attempt == 4)
        #expect(recorded.latencyMilliseconds == 123)
        #expect(recorded.httpStatus == 200 && recorded.serviceRequestId == "req-1" && !recorded.throttled)
        #expect(recorded.results == [VersionResult("1", .done(revision: "R1")), VersionResult("2", .absent)])
        #expect(written[4] == .runEnd(RunEnd(time: Timestamp(millisecondsSinceEpoch: 1_767_225_603_000), reason: .completed)))
    }

    @Test func anItemOfSeveralRequestsIsRecordedUnderItsFirst() throws {
        let directory = try TemporaryDirectory("cabatch-recorder")
        let (recorder, path) = try recorder(directory)
        let item = WorkItem(key: Self.key, segments: [WorkItem.Segment(requestID: 2, versions: ["3"]),
                                                      WorkItem.Segment(requestID: 1, versions: ["2"])], attempts: 1)
        #expect(recorder.recordIntent(item, at: Self.start) == 1)
        try recorder.finish(.interrupted, at: Self.start)
        let intents = try records(path).compactMap { record -> AttemptIntent? in
            if case .intent(let intent) = record { intent } else { nil }
        }
        #expect(intents == [AttemptIntent(request: 2, attempt: 1, time: Timestamp(date: Self.start), versions: ["3", "2"])])
    }

    static let stops: [(StopReason, RunEnd.Reason, String?)] = [
        (.completed, .completed, nil),
        (.interrupted, .interrupted, nil),
        (.failureThreshold(failed: 600, answered: 1_000), .failureThreshold, "600 of 1000 versions failed"),
        (.refused(code: "ExpiredTokenException", message: "expired"), .fatalError, "ExpiredTokenException: expired"),
        (.deniedEverywhere(message: "no"), .fatalError, "AccessDeniedException: no"),
        (.endpointUnreachable(message: "refused"), .fatalError, "endpoint-unreachable: refused"),
        (.journalFailed(message: "disk full"), .fatalError, "journal: disk full"),
        (.planUnreadable(message: "torn"), .fatalError, "plan: torn"),
    ]

    @Test(arguments: 0..<stops.count)
    func everyStopIsWordedInTheRunsEnd(index: Int) throws {
        let (reason, expected, message) = Self.stops[index]
        let directory = try TemporaryDirectory("cabatch-recorder")
        let (recorder, path) = try recorder(directory)
        try recorder.finish(reason, at: Self.start)
        #expect(try records(path).last == .runEnd(RunEnd(time: Timestamp(date: Self.start), reason: expected, message: message)))
    }

    @Test func withoutAWriterNothingIsRecordedAndNothingWaits() throws {
        let recorder = JournalRecorder()
        let item = WorkItem(key: Self.key, segments: [WorkItem.Segment(requestID: 1, versions: ["1"])], attempts: 1, priorAttempts: 3)
        #expect(recorder.recordIntent(item, at: Self.start) == 4, "the attempt is still numbered")
        let fired = Fired()
        recorder.recordAnswer(item, attempt: 4, answer: answer(), at: Self.start, latency: 0) { fired.add("answer") }
        try recorder.recordRunStart(RunStart(time: Timestamp(date: Self.start), endpoint: "e", region: "r", concurrency: 1,
                                             cabatchVersion: "test"))
        try recorder.finish(.completed, at: Self.start)
        #expect(fired.all.isEmpty, "an answer never written is never durable")
        #expect(recorder.recordingFailure == nil)
    }

    @Test func answersAfterFinishAreNotRecorded() throws {
        let directory = try TemporaryDirectory("cabatch-recorder")
        let (recorder, path) = try recorder(directory)
        try recorder.finish(.interrupted, at: Self.start)
        let before = try records(path)
        let item = WorkItem(key: Self.key, segments: [WorkItem.Segment(requestID: 1, versions: ["1", "2"])], attempts: 1)
        let fired = Fired()
        recorder.recordAnswer(item, attempt: 1, answer: answer(), at: Self.start, latency: 0) { fired.add("late") }
        #expect(try records(path) == before)
        #expect(fired.all.isEmpty)
        // A second finish finds the journal closed and does nothing.
        try recorder.finish(.completed, at: Self.start)
        #expect(try records(path) == before)
    }

    @Test func everyDurableCallbackRunsOnce() throws {
        let directory = try TemporaryDirectory("cabatch-recorder")
        let (recorder, _) = try recorder(directory)
        let fired = Fired()
        let item = WorkItem(key: Self.key, segments: [WorkItem.Segment(requestID: 1, versions: ["1", "2"])], attempts: 1)
        for n in 0..<50 {
            recorder.recordAnswer(item, attempt: n + 1, answer: answer(), at: Self.start, latency: 0) { fired.add("\(n)") }
        }
        try recorder.finish(.completed, at: Self.start)
        #expect(fired.all.sorted() == (0..<50).map(String.init).sorted())
    }

    @Test func journalTimesAreTheDatesMilliseconds() {
        #expect(Timestamp(date: Date(timeIntervalSince1970: 1.2346)) == Timestamp(millisecondsSinceEpoch: 1_235))
        #expect(Timestamp(date: Self.start).iso8601 == "2026-01-01T00:00:00.000Z")
    }
}
