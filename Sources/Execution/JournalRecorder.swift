import Foundation
import Journal
import Model

/// Records attempts in the plan's journal: an intent before each send, then the answer,
/// whose `durable` callback runs once a sync covers it (group commit).
public final class JournalRecorder: AttemptRecorder, @unchecked Sendable {
    private let lock = NSLock()
    private var writer: JournalWriter?
    /// Callbacks waiting for a sync, in sequence order.
    private var waiting: [(sequence: UInt64, callback: @Sendable () -> Void)] = []
    private var waitingHead = 0
    private var failure: JournalError?

    /// Made before the journal is opened, so that its durability handler can be given to `open`.
    public init() {}

    /// The handler to open the journal with, so syncs reach this recorder.
    public var durabilityHandler: JournalWriter.DurabilityHandler {
        { [weak self] result in self?.durable(result) }
    }

    /// Hands over the opened writer; must come before the first record.
    public func attach(_ writer: JournalWriter) {
        lock.withLock { self.writer = writer }
    }

    public func recordRunStart(_ start: RunStart) throws {
        try lock.withLock { writer }?.append(.runStart(start))
    }

    public func recordIntent(_ item: WorkItem, at time: Date) -> Int {
        let id = item.segments[0].requestID
        let attempt = item.priorAttempts + item.attempts
        append(.intent(AttemptIntent(request: id, attempt: attempt, time: Timestamp(date: time), versions: item.versions)))
        return attempt
    }

    public func recordAnswer(_ item: WorkItem, attempt: Int, answer: AttemptOutcome, at time: Date, latency: Double,
                             durable: @escaping @Sendable () -> Void) {
        let record = Journal.AttemptAnswer(
            request: item.segments[0].requestID, attempt: attempt, time: Timestamp(date: time),
            latencyMilliseconds: Int((latency * 1000).rounded()), httpStatus: answer.httpStatus,
            serviceRequestId: answer.awsRequestID, errorType: answer.errorCode, errorMessage: answer.errorMessage,
            throttled: answer.throttled, results: answer.results)
        if let sequence = append(.answer(record)) {
            lock.withLock { waiting.append((sequence, durable)) }
        }
    }

    public func recordRunEnd(_ reason: StopReason, at time: Date) {
        let end: RunEnd
        switch reason {
        case .completed: end = RunEnd(time: Timestamp(date: time), reason: .completed)
        case .interrupted: end = RunEnd(time: Timestamp(date: time), reason: .interrupted)
        case .failureThreshold(let failed, let answered):
            end = RunEnd(time: Timestamp(date: time), reason: .failureThreshold, message: "\(failed) of \(answered) versions failed")
        case .refused, .deniedEverywhere, .endpointUnreachable, .journalFailed, .planUnreadable:
            let error = reason.error!
            end = RunEnd(time: Timestamp(date: time), reason: .fatalError, message: "\(error.cause): \(error.message)")
        }
        append(.runEnd(end))
    }

    public func finish(_ reason: StopReason, at time: Date) throws {
        recordRunEnd(reason, at: time)
        // Answers that come after this (attempts a stop did not wait for) are not recorded:
        // the journal is closed, and their versions stay pending as after a crash.
        guard let writer = lock.withLock({ () -> JournalWriter? in
            let writer = self.writer
            self.writer = nil
            return writer
        }) else { return }
        defer { fire(upTo: .max) }
        try writer.close()
        if let failure = lock.withLock({ self.failure }) { throw failure }
    }

    public var recordingFailure: String? { lock.withLock { failure.map { "\($0)" } } }

    @discardableResult
    private func append(_ record: JournalRecord) -> UInt64? {
        guard let writer = lock.withLock({ self.writer }) else { return nil }
        do {
            return try writer.append(record)
        } catch {
            lock.withLock { if failure == nil { failure = error } }
            return nil
        }
    }

    private func durable(_ result: Result<UInt64, JournalError>) {
        switch result {
        case .success(let sequence): fire(upTo: sequence)
        case .failure(let error): lock.withLock { if failure == nil { failure = error } }
        }
    }

    private func fire(upTo sequence: UInt64) {
        let ready: [@Sendable () -> Void] = lock.withLock {
            var ready: [@Sendable () -> Void] = []
            while waitingHead < waiting.count && waiting[waitingHead].sequence <= sequence {
                ready.append(waiting[waitingHead].callback)
                waitingHead += 1
            }
            if waitingHead > 1024 && waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
            return ready
        }
        for callback in ready { callback() }
    }
}

extension Timestamp {
    /// The journal's time for a wall-clock date.
    public init(date: Date) { self.init(secondsSinceEpoch: date.timeIntervalSince1970) }
}
