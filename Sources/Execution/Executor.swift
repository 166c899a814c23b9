import CodeArtifact
import Dispatch
import Foundation
import Plan
import Model

/// Runs work items against the service: a bounded number in flight, one shared adaptive rate,
/// retries with backoff, every answer to the recorder, stopping cleanly on Ctrl-C, fatal
/// errors or too many failures.
///
/// The decisions are `SchedulingMachine`'s; this driver gives it the time and the events, and
/// performs its actions: timers, feed polls, sends and records. Everything runs on one serial
/// dispatch queue; the HTTP calls answer back to that queue, so there is exactly one writer of
/// results.
public final class Executor: @unchecked Sendable {
    private let queue = DispatchQueue(label: "cabatch.executor")
    private let transport: any BatchTransport
    private let recorder: any AttemptRecorder
    private let feed: any WorkFeed
    private let operation: BatchOperation
    private let expectedStatus: PackageVersionStatus?
    /// The machine's clock starts here.
    private let start = DispatchTime.now()

    // State: touched only on `queue`.
    private var machine: SchedulingMachine
    private var finished: CheckedContinuation<ExecutionResult, Never>?
    private var onProgress: (@Sendable (ExecutionProgress) -> Void)?
    private var progressTimer: DispatchSourceTimer?
    private var watchdog: DispatchSourceTimer?

    /// Work taken from `feed` as the run goes; `totalVersions` is what it will give in all
    /// (for progress).
    public init(feed: any WorkFeed, totalVersions: Int, transport: any BatchTransport, recorder: any AttemptRecorder,
                options: ExecutionOptions) {
        self.feed = feed
        self.transport = transport
        self.recorder = recorder
        self.operation = options.operation
        self.expectedStatus = options.expectedStatus
        self.machine = SchedulingMachine(options: options, totalVersions: totalVersions)
    }

    /// Work known up front.
    public convenience init(items: [WorkItem], transport: any BatchTransport, recorder: any AttemptRecorder, options: ExecutionOptions) {
        self.init(feed: ArrayFeed(items), totalVersions: items.reduce(0) { $0 + $1.versionCount }, transport: transport,
                  recorder: recorder, options: options)
    }

    /// Runs until every item is final or the run stops; `onProgress` is called every
    /// `progressInterval` seconds on the executor's queue.
    public func run(progressInterval: Double = 0.25, onProgress: (@Sendable (ExecutionProgress) -> Void)? = nil) async -> ExecutionResult {
        await withCheckedContinuation { continuation in
            queue.async {
                self.finished = continuation
                self.onProgress = onProgress
                if onProgress != nil {
                    self.progressTimer = self.repeating(every: progressInterval) { $0.machine.progressTick(now: $0.now) }
                }
                self.feed.setReadyHandler { [weak self] in
                    guard let self else { return }
                    self.queue.async { self.perform(self.machine.feedReady(now: self.now)) }
                }
                self.perform(self.machine.start(now: self.now))
            }
        }
    }

    /// The first Ctrl-C: send nothing new, let in-flight requests finish.
    public func interrupt() {
        queue.async { self.perform(self.machine.interrupt(now: self.now)) }
    }

    private var now: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    // MARK: - Performing the machine's actions

    private func perform(_ actions: [SchedulingMachine.Action]) {
        for action in actions {
            switch action {
            case .startWatchdog(let interval):
                watchdog = repeating(every: interval) { $0.machine.watchdogTick(now: $0.now) }
            case .pollFeed:
                perform(machine.feedPolled(feed.poll(), now: now))
            case .send(let item):
                send(item)
            case .wake(let time):
                queue.asyncAfter(deadline: .now() + max(0, time - now)) { [weak self] in
                    guard let self else { return }
                    self.perform(self.machine.timerFired(now: self.now))
                }
            case .record(let recording):
                let answer = recording.answer
                recorder.recordAnswer(recording.item, attempt: recording.attempt, answer: answer, at: Date(),
                                      latency: recording.latency) { [weak self] in
                    guard let self else { return }
                    self.queue.async { self.machine.answerDurable(answer) }
                }
                perform(machine.answerRecorded(journalFailure: recorder.recordingFailure, now: now))
            case .reportProgress(let progress):
                onProgress?(progress)
            case .close(let reason):
                close(reason)
            case .finish(let result):
                finished?.resume(returning: result)
                finished = nil
            }
        }
    }

    /// A timer on the queue that feeds the machine the events `event` makes.
    private func repeating(every interval: Double,
                           _ event: @escaping @Sendable (Executor) -> [SchedulingMachine.Action]) -> DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.perform(event(self))
        }
        timer.resume()
        return timer
    }

    private func send(_ item: WorkItem) {
        let recordedAttempt = recorder.recordIntent(item, at: Date())
        machine.intentRecorded(attempt: recordedAttempt)
        let sentAt = now
        let call = item.call(operation, defaultExpectedStatus: expectedStatus)
        let versions = call.versions
        let operation = operation, transport = transport
        transport.send(call) { result in
            let answer: AttemptOutcome
            switch result {
            case .success(let output): answer = AttemptOutcome(output: output, versions: versions)
            case .failure(let error): answer = AttemptOutcome(error: error, versions: versions)
            }
            let checks = item.mayHaveBeenCarriedOut ? answer.versionsToCheck(operation: operation) : []
            guard !checks.isEmpty else {
                self.deliver(answer, for: item, attempt: recordedAttempt, sentAt: sentAt)
                return
            }
            // The version's status now decides whether an earlier attempt did the work: read it
            // before the answer is recorded, so the record says what is true.
            Task {
                var statuses: [String: PackageVersionStatus?] = [:]
                for version in checks {
                    // A few tries with backoff; a status still unknown after them is not guessed.
                    for delay in [0.0, 0.1, 0.3, 0.9] {
                        if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
                        if let status = try? await transport.status(of: item.key, version: version) {
                            statuses[version] = status
                            break
                        }
                    }
                }
                let resolved = answer.resolving(statuses, checked: checks, operation: operation, expected: call.expectedStatus)
                self.deliver(resolved, for: item, attempt: recordedAttempt, sentAt: sentAt)
            }
        }
    }

    private func deliver(_ answer: AttemptOutcome, for item: WorkItem, attempt: Int, sentAt: Double) {
        queue.async {
            let t = self.now
            self.perform(self.machine.answered(item, attempt: attempt, outcome: answer, latency: t - sentAt, now: t))
        }
    }

    private func close(_ reason: StopReason) {
        progressTimer?.cancel()
        watchdog?.cancel()
        feed.cancel()
        // The recorder's last sync runs every durable callback before `finish` returns; their
        // counts are queued ahead of `recorderClosed`, so the result counts what is durable.
        let recorderError: String?
        do {
            try recorder.finish(reason, at: Date())
            recorderError = nil
        } catch {
            recorderError = "\(error)"
        }
        queue.async { self.perform(self.machine.recorderClosed(error: recorderError, now: self.now)) }
    }
}

/// How a run ended and what it did.
public struct ExecutionResult: Sendable, Equatable {
    public var reason: StopReason
    public var progress: ExecutionProgress
    /// Versions left pending by this run (never sent, out of attempts, or stopped early).
    public var pendingVersions: Int
    /// Set when the journal could not be closed cleanly.
    public var recorderError: String?
}

