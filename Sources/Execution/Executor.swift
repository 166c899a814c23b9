import CodeArtifact
import Dispatch
import Foundation
import Plan
import Model

/// Runs work items against the service: a bounded number in flight, one shared adaptive rate,
/// retries with backoff, every answer to the recorder, stopping cleanly on Ctrl-C, fatal
/// errors or too many failures.
///
/// All state lives on one serial dispatch queue; the HTTP calls run as tasks whose answers
/// come back to that queue, so there is exactly one writer of results.
public final class Executor: @unchecked Sendable {
    private let queue = DispatchQueue(label: "cabatch.executor")
    private let transport: any DeleteTransport
    private let recorder: any AttemptRecorder
    private let options: ExecutionOptions
    private let start = DispatchTime.now()

    private let feed: any WorkFeed

    // State: touched only on `queue`.
    private var ready: [WorkItem] = []
    private var readyHead = 0
    /// The feed has nothing more to give.
    private var feedExhausted = false
    private var delayed = DelayQueue()
    private var inFlight = 0
    private var limiter: AdaptiveRateLimiter
    private var rng: SplitMix64
    private var progress = ExecutionProgress()
    private var answeredVersions = 0
    /// Answers in a row with no HTTP response at all: the endpoint is gone when they pile up.
    private var consecutiveUnanswered = 0
    /// When the endpoint last answered anything (an HTTP response of any status).
    private var lastAnswerAt = 0.0
    private var silenceTimer: DispatchSourceTimer?
    /// Some request got a successful answer: the credentials work somewhere.
    private var succeededSomewhere = false
    /// Requests refused for their repository or package before any request succeeded.
    private var parked: [WorkItem] = []
    private var lastDenial: String?
    private var failedVersions = 0
    private var stopping: StopReason?
    private var pumpScheduled = false
    private var finished: CheckedContinuation<ExecutionResult, Never>?
    private var onProgress: (@Sendable (ExecutionProgress) -> Void)?
    private var progressTimer: DispatchSourceTimer?

    /// Work taken from `feed` as the run goes; `totalVersions` is what it will give in all
    /// (for progress).
    public init(feed: any WorkFeed, totalVersions: Int, transport: any DeleteTransport, recorder: any AttemptRecorder,
                options: ExecutionOptions) {
        self.feed = feed
        self.transport = transport
        self.recorder = recorder
        self.options = options
        self.limiter = AdaptiveRateLimiter(maxRate: options.rate, now: 0)
        self.rng = SplitMix64(seed: options.seed)
        progress.totalVersions = totalVersions
    }

    /// Work known up front.
    public convenience init(items: [WorkItem], transport: any DeleteTransport, recorder: any AttemptRecorder, options: ExecutionOptions) {
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
                    let timer = DispatchSource.makeTimerSource(queue: self.queue)
                    timer.schedule(deadline: .now() + progressInterval, repeating: progressInterval)
                    timer.setEventHandler { [weak self] in self?.reportProgress() }
                    timer.resume()
                    self.progressTimer = timer
                }
                // Checks for a silent endpoint also while every request waits for a backoff.
                let watchdog = DispatchSource.makeTimerSource(queue: self.queue)
                watchdog.schedule(deadline: .now() + 1, repeating: 1)
                watchdog.setEventHandler { [weak self] in self?.stopIfEndpointSilent(lastError: nil) }
                watchdog.resume()
                self.silenceTimer = watchdog
                self.feed.setReadyHandler { [weak self] in
                    guard let self else { return }
                    self.queue.async { self.pump() }
                }
                self.pump()
            }
        }
    }

    /// The first Ctrl-C: send nothing new, let in-flight requests finish.
    public func interrupt() {
        queue.async {
            if self.stopping == nil { self.stopping = .interrupted }
            self.finishIfIdle()
        }
    }

    /// Transport failures after which the request most likely never reached the service.
    private static let undeliveredCodes: Set<String> = ["connection_closed", "connection_refused", "connect_timeout"]

    private var now: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    // MARK: - Scheduling

    private func pump() {
        while stopping == nil && inFlight < options.concurrency {
            let t = now
            while let next = delayed.peek, next.notBefore <= t { ready.append(delayed.pop()!) }
            guard readyHead < ready.count || takeFromFeed() else {
                if let next = delayed.peek { schedulePump(after: next.notBefore - t) }
                break
            }
            if let wait = limiter.acquire(now: t) {
                schedulePump(after: wait)
                break
            }
            let item = ready[readyHead]
            readyHead += 1
            if readyHead > 4096 && readyHead * 2 > ready.count {
                ready.removeFirst(readyHead)
                readyHead = 0
            }
            send(item)
        }
        finishIfIdle()
    }

    /// Moves the feed's next batch to `ready`; false when it has none now (its ready handler
    /// pumps again when it has) or none at all.
    private func takeFromFeed() -> Bool {
        guard !feedExhausted else { return false }
        switch feed.poll() {
        case .items(let items):
            ready.removeFirst(readyHead)
            readyHead = 0
            ready.append(contentsOf: items)
            return !items.isEmpty
        case .notYet:
            return false
        case .exhausted:
            feedExhausted = true
            return false
        case .failed(let message):
            feedExhausted = true
            if stopping == nil || stopping == .interrupted { stopping = .fatal(code: "plan", message: message) }
            return false
        }
    }

    /// At most one timer is pending: answers call `pump` directly, and only the timer's own
    /// firing clears the flag, so waiting for the limiter never multiplies wake-ups.
    private func schedulePump(after delay: Double) {
        guard !pumpScheduled else { return }
        pumpScheduled = true
        queue.asyncAfter(deadline: .now() + max(0.001, delay)) { [weak self] in
            guard let self else { return }
            self.pumpScheduled = false
            self.pump()
        }
    }

    private func send(_ item: WorkItem) {
        var attempt = item
        attempt.attempts += 1
        let item = attempt
        inFlight += 1
        progress.attemptsSent += 1
        let recordedAttempt = recorder.recordIntent(item, at: Date())
        // Counted when sent and by the journal's attempt number, as reports count them.
        if recordedAttempt > 1 { progress.retries += 1 }
        let transport = transport
        let expected = options.expectedStatus
        let sentAt = now
        let versions = item.versions
        transport.delete(item.key, versions: versions, expectedStatus: expected) { result in
            let answer: AttemptOutcome
            switch result {
            case .success(let output): answer = AttemptOutcome(output: output, versions: versions)
            case .failure(let error): answer = AttemptOutcome(error: error, versions: versions)
            }
            self.queue.async { self.handle(item, recordedAttempt, answer, latency: self.now - sentAt) }
        }
    }

    // MARK: - Answers

    private func handle(_ item: WorkItem, _ recordedAttempt: Int, _ answer: AttemptOutcome, latency: Double) {
        inFlight -= 1
        let t = now
        var answer = answer
        if let status = answer.httpStatus, (200..<300).contains(status), !succeededSomewhere {
            succeededSomewhere = true
            // Refusals held while nothing had succeeded: the run works elsewhere, so they are
            // asked once more, and this time their answers fail the versions.
            ready.append(contentsOf: parked)
            parked = []
        }
        if answer.deniedForResource && succeededSomewhere { answer.failDenied() }
        let counts = answer.counts
        let finalCount = counts.done + counts.absent + counts.failed
        let deleted = counts.done, absent = counts.absent, failed = counts.failed
        let throttled = answer.throttled
        recorder.recordAnswer(item, attempt: recordedAttempt, answer: answer, at: Date(), latency: latency) { [weak self] in
            guard let self else { return }
            self.queue.async {
                self.progress.deleted += deleted
                self.progress.absent += absent
                self.progress.failed += failed
                self.progress.requestsAnswered += 1
                if throttled { self.progress.throttled += 1 }
            }
        }
        answeredVersions += finalCount
        failedVersions += failed

        if let failure = recorder.recordingFailure, stopping == nil || stopping == .interrupted {
            stopping = .fatal(code: "journal", message: failure)
        }
        consecutiveUnanswered = answer.httpStatus == nil ? consecutiveUnanswered + 1 : 0
        if answer.httpStatus != nil { lastAnswerAt = t }
        if answer.httpStatus == nil, let code = answer.errorCode, Self.undeliveredCodes.contains(code) {
            limiter.refund(now: t)
        }
        if consecutiveUnanswered >= max(32, options.concurrency * 4), stopping == nil || stopping == .interrupted {
            stopping = .fatal(code: "endpoint-unreachable",
                              message: "\(consecutiveUnanswered) requests in a row got no answer (last: \(answer.errorCode ?? "transport"): \(answer.errorMessage ?? ""))")
        }
        if answer.httpStatus == nil { stopIfEndpointSilent(lastError: answer) }
        if answer.fatalForRun {
            if stopping == nil || stopping == .interrupted {
                stopping = .fatal(code: answer.errorCode ?? "error", message: answer.errorMessage ?? "")
            }
        } else if answer.deniedForResource {
            parked.append(item.restricted(to: Set(answer.retry)))
            lastDenial = "\(answer.errorCode ?? "AccessDeniedException"): \(answer.errorMessage ?? "")"
        } else if !answer.retry.isEmpty, let kind = answer.retryKind {
            if case .throttled(let retryAfter) = kind { limiter.throttled(now: t, retryAfter: retryAfter) }
            let retryItem = item.restricted(to: Set(answer.retry))
            switch options.retry.decide(kind, attempt: item.attempts, unit: rng.unit()) {
            case .retry(let delay):
                var next = retryItem
                next.notBefore = t + delay
                delayed.push(next)
            case .leavePending, .giveUp:
                progress.leftPending += retryItem.versionCount
            }
        }
        if stopping == nil, answeredVersions >= options.failureRateMinimum,
           Double(failedVersions) > options.maxFailureRate * Double(answeredVersions) {
            stopping = .failureThreshold(failed: failedVersions, answered: answeredVersions)
        }
        pump()
    }

    private var endpointGaveUp: Bool {
        if case .fatal(code: "endpoint-unreachable", _)? = stopping { return true }
        return false
    }

    /// Whether attempts have failed without an answer for longer than `limit` seconds since the
    /// endpoint's last answer (pure, so the rule can be tested on its own).
    static func endpointIsSilent(now: Double, lastAnswerAt: Double, unansweredInARow: Int, limit: Double) -> Bool {
        unansweredInARow > 0 && now - lastAnswerAt >= limit
    }

    private func stopIfEndpointSilent(lastError: AttemptOutcome?) {
        guard stopping == nil || stopping == .interrupted,
              Self.endpointIsSilent(now: now, lastAnswerAt: lastAnswerAt, unansweredInARow: consecutiveUnanswered,
                                    limit: options.silenceLimit) else { return }
        let last = lastError.map { " (last: \($0.errorCode ?? "transport"): \($0.errorMessage ?? ""))" } ?? ""
        stopping = .fatal(code: "endpoint-unreachable",
                          message: "no answer from the endpoint for \(Int(now - lastAnswerAt)) s while attempts kept failing\(last)")
        finishIfIdle()
    }

    private func finishIfIdle() {
        guard let continuation = finished else { return }
        // An endpoint that has not answered for the silence limit will not answer the attempts
        // still waiting on it either: they are left unanswered, as a crash would leave them, and
        // resumed like lost answers. Every other stop waits for them.
        guard inFlight == 0 || endpointGaveUp else { return }
        let drained = readyHead >= ready.count && delayed.isEmpty && feedExhausted
        if drained, stopping == nil, !parked.isEmpty {
            // Every request was refused and none succeeded: these credentials can do none of it.
            stopping = .fatal(code: "AccessDeniedException",
                              message: "refused for every repository and package tried (\(parked.count) requests; last: \(lastDenial ?? ""))")
        }
        guard drained || stopping != nil else { return }
        let reason = stopping ?? .completed
        finished = nil
        progressTimer?.cancel()
        silenceTimer?.cancel()
        feed.cancel()
        let stillPending = progress.leftPending + ready[readyHead...].reduce(0) { $0 + $1.versionCount } + delayed.versionCount
            + parked.reduce(0) { $0 + $1.versionCount }
        // The recorder's last sync runs every durable callback before `finish` returns; their
        // updates are queued ahead of the result below, so the result counts what is durable.
        let recorderError: String?
        do {
            try recorder.finish(reason, at: Date())
            recorderError = nil
        } catch {
            recorderError = "\(error)"
        }
        queue.async {
            self.progress.elapsed = self.now
            self.progress.currentRate = self.limiter.rate
            continuation.resume(returning: ExecutionResult(reason: reason, progress: self.progress,
                                                           pendingVersions: stillPending, recorderError: recorderError))
        }
    }

    private func reportProgress() {
        progress.elapsed = now
        progress.currentRate = limiter.rate
        onProgress?(progress)
    }
}

/// How a run ended and what it did.
public struct ExecutionResult: Sendable {
    public var reason: StopReason
    public var progress: ExecutionProgress
    /// Versions left pending by this run (never sent, out of attempts, or stopped early).
    public var pendingVersions: Int
    /// Set when the journal could not be closed cleanly.
    public var recorderError: String?
}
