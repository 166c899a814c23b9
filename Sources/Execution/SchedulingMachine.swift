import CodeArtifact
import Model

/// Every scheduling decision of a run, as a pure state machine: events come in with the time
/// they happen, and actions come out for a driver (`Executor`) to perform.
///
/// Time is seconds on a monotonic clock that starts at 0 when the machine is made. The machine
/// reads no clock, starts no timer, sends nothing and records nothing, so its rules are tested
/// with values alone. Some actions ask for an answer, which the driver gives straight after
/// performing them: `.pollFeed` with `feedPolled`, `.record` with `answerRecorded`; later ones
/// come as events of their own: `.wake(at:)` with `timerFired`, `.close` with `recorderClosed`.
struct SchedulingMachine: Sendable {
    /// What the driver does next, in the order given.
    enum Action: Sendable, Equatable {
        /// Call `watchdogTick` every `every` seconds until the run closes.
        case startWatchdog(every: Double)
        /// Poll the feed now and hand what it gives to `feedPolled`. Always last in its list.
        case pollFeed
        /// Record the attempt's intent (its number goes to `intentRecorded`), then send it;
        /// the item's `attempts` already counts this attempt.
        case send(WorkItem)
        /// Call `timerFired` at this time, not before. At most one wake-up is outstanding.
        case wake(at: Double)
        /// Record this answer, then call `answerRecorded` with the recorder's failure, if any.
        /// Always alone in its list.
        case record(Recording)
        /// Hand the counters to whoever shows progress.
        case reportProgress(ExecutionProgress)
        /// Stop the timers and the feed, close the recorder for this reason, then (after the
        /// recorder's last durable callbacks) call `recorderClosed`.
        case close(StopReason)
        /// The run is over: return this.
        case finish(ExecutionResult)
    }

    /// An answer to put in the record, as it stands after the machine's rules (a refusal may
    /// have been made final).
    struct Recording: Sendable, Equatable {
        var item: WorkItem
        /// The attempt's number in the record, as `intentRecorded` gave it.
        var attempt: Int
        var answer: AttemptOutcome
        var latency: Double
    }

    /// How often the driver checks for a silent endpoint, so that a run whose every request
    /// waits out a backoff still stops.
    static let watchdogInterval = 1.0

    /// The shortest wait a wake-up asks for: the limiter's arithmetic can leave a wait too small
    /// to move the clock, and a wake-up at the same instant would only ask for another.
    static let shortestWait = 0.001

    /// Transport failures after which the request most likely never reached the service.
    static let undeliveredCodes: Set<String> = ["connection_closed", "connection_refused", "connect_timeout"]

    private enum Phase: Sendable {
        case idle
        case running
        /// The recorder is being closed; only durable callbacks still count.
        case closing(StopReason, pendingVersions: Int)
        case closed
    }

    private enum FeedState: Sendable, Equatable {
        /// May be polled.
        case available
        /// A poll is out; `feedPolled` brings its answer.
        case polling
        /// It said "not yet"; `feedReady` says when that changes.
        case waiting
        case exhausted
    }

    let options: ExecutionOptions
    private(set) var progress = ExecutionProgress()
    private var limiter: AdaptiveRateLimiter
    private var random: any RandomNumberGenerator & Sendable
    private var phase = Phase.idle
    private var feed = FeedState.available

    private var ready: [WorkItem] = []
    private var readyHead = 0
    private var delayed = DelayQueue()
    private(set) var inFlight = 0
    /// The answer handed out in `.record`, finished by `answerRecorded`.
    private var recording: (item: WorkItem, answer: AttemptOutcome)?
    /// When the one outstanding wake-up is due.
    private var wakeAt: Double?

    private var answeredVersions = 0
    private var failedVersions = 0
    /// Answers in a row with no HTTP response at all: the endpoint is gone when they pile up.
    private var consecutiveUnanswered = 0
    /// When the endpoint last answered anything (an HTTP response of any status).
    private var lastAnswerAt = 0.0
    /// Some request got a successful answer: the credentials work somewhere.
    private var succeededSomewhere = false
    /// Requests refused for their repository or package before any request succeeded.
    private var parked: [WorkItem] = []
    private var lastDenial: String?
    private(set) var stopping: StopReason?

    /// `totalVersions` is what the feed will give in all (for progress); `random` draws the
    /// backoff jitter, by default from `options.seed`.
    init(options: ExecutionOptions, totalVersions: Int, random: (any RandomNumberGenerator & Sendable)? = nil) {
        self.options = options
        self.limiter = AdaptiveRateLimiter(maxRate: options.rate, now: 0)
        self.random = random ?? SplitMix64(seed: options.seed)
        progress.totalVersions = totalVersions
    }

    // MARK: - Events

    /// The run begins.
    mutating func start(now: Double) -> [Action] {
        guard case .idle = phase else { return [] }
        phase = .running
        var actions: [Action] = [.startWatchdog(every: Self.watchdogInterval)]
        pump(now: now, &actions)
        return actions
    }

    /// What the feed gave for a `.pollFeed`.
    mutating func feedPolled(_ poll: FeedPoll<WorkItem>, now: Double) -> [Action] {
        guard feed == .polling else { return [] }
        switch poll {
        case .items(let items):
            feed = .available
            ready.removeFirst(readyHead)
            readyHead = 0
            ready.append(contentsOf: items)
        case .notYet:
            feed = .waiting
        case .exhausted:
            feed = .exhausted
        case .failed(let message):
            feed = .exhausted
            stop(.planUnreadable(message: message))
        }
        var actions: [Action] = []
        pump(now: now, &actions)
        return actions
    }

    /// The feed has something new after saying "not yet".
    mutating func feedReady(now: Double) -> [Action] {
        if feed == .waiting { feed = .available }
        var actions: [Action] = []
        pump(now: now, &actions)
        return actions
    }

    /// The recorder numbered the attempt just sent; numbers count attempts across runs, as
    /// reports count retries.
    mutating func intentRecorded(attempt: Int) {
        if attempt > 1 { progress.retries += 1 }
    }

    /// An attempt came back. The answer is recorded before anything else is decided, so that a
    /// journal that can no longer record stops the run ahead of every other reason.
    mutating func answered(_ item: WorkItem, attempt: Int, outcome: AttemptOutcome, latency: Double, now: Double) -> [Action] {
        // Once the run has closed, so has the journal: an attempt the stop did not wait for
        // stays unrecorded, as after a crash, and is resumed like a lost answer.
        guard case .running = phase else { return [] }
        precondition(recording == nil, "answerRecorded must follow every .record")
        inFlight -= 1
        var answer = outcome
        if let status = answer.httpStatus, (200..<300).contains(status), !succeededSomewhere {
            succeededSomewhere = true
            // Refusals held while nothing had succeeded: the run works elsewhere, so they are
            // asked once more, and this time their answers fail the versions.
            ready.append(contentsOf: parked)
            parked = []
        }
        if answer.deniedForResource && succeededSomewhere { answer.failDenied() }
        recording = (item, answer)
        return [.record(Recording(item: item, attempt: attempt, answer: answer, latency: latency))]
    }

    /// The answer of the last `.record` is in the recorder; `journalFailure` is the recorder's
    /// failure, if recording has failed by now.
    mutating func answerRecorded(journalFailure: String?, now t: Double) -> [Action] {
        guard let recorded = recording else { return [] }
        recording = nil
        let item = recorded.item, answer = recorded.answer
        let counts = answer.counts
        // Changed versions were left alone as asked: answered, but not failures.
        answeredVersions += counts.done + counts.absent + counts.changed + counts.failed
        failedVersions += counts.failed

        if let journalFailure { stop(.journalFailed(message: journalFailure)) }
        consecutiveUnanswered = answer.httpStatus == nil ? consecutiveUnanswered + 1 : 0
        if answer.httpStatus != nil { lastAnswerAt = t }
        if answer.httpStatus == nil, let code = answer.errorCode, Self.undeliveredCodes.contains(code) {
            limiter.refund(now: t)
        }
        if consecutiveUnanswered >= max(32, options.concurrency * 4) {
            stop(.endpointUnreachable(message: "\(consecutiveUnanswered) requests in a row got no answer (last: \(answer.errorCode ?? "transport"): \(answer.errorMessage ?? ""))"))
        }
        if answer.httpStatus == nil { stopIfEndpointSilent(now: t, lastError: answer) }
        if answer.fatalForRun {
            stop(.refused(code: answer.errorCode ?? "error", message: answer.errorMessage ?? ""))
        } else if answer.deniedForResource {
            parked.append(item.restricted(to: Set(answer.retry)))
            lastDenial = "\(answer.errorCode ?? "AccessDeniedException"): \(answer.errorMessage ?? "")"
        } else if !answer.retry.isEmpty, let kind = answer.retryKind {
            if case .throttled(let retryAfter) = kind { limiter.throttled(now: t, retryAfter: retryAfter) }
            var retryItem = item.restricted(to: Set(answer.retry))
            if answer.onlySkippedRetries {
                // The service skipped these because another version of the batch could not
                // change; without that one they can go at once, and this attempt is not theirs.
                retryItem.skippedAttempts += 1
                retryItem.notBefore = t
                ready.append(retryItem)
            } else {
                switch options.retry.decide(kind, attempt: item.attempts - item.skippedAttempts, unit: unit()) {
                case .retry(let delay):
                    var next = retryItem
                    next.notBefore = t + delay
                    delayed.push(next)
                case .leavePending, .giveUp:
                    progress.leftPending += retryItem.versionCount
                }
            }
        }
        if stopping == nil, answeredVersions >= options.failureRateMinimum,
           Double(failedVersions) > options.maxFailureRate * Double(answeredVersions) {
            stopping = .failureThreshold(failed: failedVersions, answered: answeredVersions)
        }
        var actions: [Action] = []
        pump(now: t, &actions)
        return actions
    }

    /// A recorded answer is on disk: only now does it count as progress.
    mutating func answerDurable(_ answer: AttemptOutcome) {
        let counts = answer.counts
        progress.carriedOut += counts.done
        progress.absent += counts.absent
        progress.changed += counts.changed
        progress.failed += counts.failed
        progress.requestsAnswered += 1
        if answer.throttled { progress.throttled += 1 }
    }

    /// The wake-up asked for with `.wake(at:)` is due.
    mutating func timerFired(now: Double) -> [Action] {
        wakeAt = nil
        var actions: [Action] = []
        pump(now: now, &actions)
        return actions
    }

    /// The silence watchdog's periodic check.
    mutating func watchdogTick(now: Double) -> [Action] {
        guard case .running = phase else { return [] }
        var actions: [Action] = []
        if stopIfEndpointSilent(now: now, lastError: nil) { finishIfIdle(&actions) }
        return actions
    }

    /// Time to show progress.
    mutating func progressTick(now: Double) -> [Action] {
        progress.elapsed = now
        progress.currentRate = limiter.rate
        return [.reportProgress(progress)]
    }

    /// The first Ctrl-C: send nothing new, let in-flight requests finish.
    mutating func interrupt(now: Double) -> [Action] {
        guard case .running = phase else { return [] }
        if stopping == nil { stopping = .interrupted }
        var actions: [Action] = []
        finishIfIdle(&actions)
        return actions
    }

    /// The recorder is closed (`error` when it could not be closed cleanly), and every durable
    /// callback it ran has been counted.
    mutating func recorderClosed(error: String?, now: Double) -> [Action] {
        guard case .closing(let reason, let pendingVersions) = phase else { return [] }
        phase = .closed
        progress.elapsed = now
        progress.currentRate = limiter.rate
        return [.finish(ExecutionResult(reason: reason, progress: progress, pendingVersions: pendingVersions, recorderError: error))]
    }

    // MARK: - Rules

    /// Whether attempts have failed without an answer for longer than `limit` seconds since the
    /// endpoint's last answer.
    static func endpointIsSilent(now: Double, lastAnswerAt: Double, unansweredInARow: Int, limit: Double) -> Bool {
        unansweredInARow > 0 && now - lastAnswerAt >= limit
    }

    /// Sends what is due while there is room, the rate allows it and the run is not stopping.
    private mutating func pump(now: Double, _ actions: inout [Action]) {
        guard case .running = phase, recording == nil else { return }
        while stopping == nil && inFlight < options.concurrency {
            while let next = delayed.peek, next.notBefore <= now { ready.append(delayed.pop()!) }
            guard readyHead < ready.count else {
                if feed == .available {
                    // The feed is asked only when there is room to send, so that a streamed
                    // plan stays a few stretches ahead of the run, never all in memory.
                    feed = .polling
                    actions.append(.pollFeed)
                    return
                }
                if let next = delayed.peek { wake(at: next.notBefore, now: now, &actions) }
                break
            }
            if let wait = limiter.acquire(now: now) {
                wake(at: now + wait, now: now, &actions)
                break
            }
            var item = ready[readyHead]
            readyHead += 1
            if readyHead > 4096 && readyHead * 2 > ready.count {
                ready.removeFirst(readyHead)
                readyHead = 0
            }
            item.attempts += 1
            inFlight += 1
            progress.attemptsSent += 1
            actions.append(.send(item))
        }
        finishIfIdle(&actions)
    }

    /// Answers and the feed wake the machine up directly, so only the machine's own waits
    /// (backoff, rate) need a timer, and one at a time is enough: its firing pumps, and the
    /// pump asks for the next.
    private mutating func wake(at time: Double, now: Double, _ actions: inout [Action]) {
        guard wakeAt == nil else { return }
        let time = max(time, now + Self.shortestWait)
        wakeAt = time
        actions.append(.wake(at: time))
    }

    /// A later reason never replaces an earlier one, except that any stop outranks Ctrl-C's.
    private mutating func stop(_ reason: StopReason) {
        if stopping == nil || stopping == .interrupted { stopping = reason }
    }

    private var endpointGaveUp: Bool {
        if case .endpointUnreachable? = stopping { return true }
        return false
    }

    /// Stops the run when the endpoint has been silent for `options.silenceLimit`; true if it did.
    @discardableResult
    private mutating func stopIfEndpointSilent(now: Double, lastError: AttemptOutcome?) -> Bool {
        guard stopping == nil || stopping == .interrupted,
              Self.endpointIsSilent(now: now, lastAnswerAt: lastAnswerAt, unansweredInARow: consecutiveUnanswered,
                                    limit: options.silenceLimit) else { return false }
        let last = lastError.map { " (last: \($0.errorCode ?? "transport"): \($0.errorMessage ?? ""))" } ?? ""
        stopping = .endpointUnreachable(message: "no answer from the endpoint for \(Int(now - lastAnswerAt)) s while attempts kept failing\(last)")
        return true
    }

    private mutating func finishIfIdle(_ actions: inout [Action]) {
        guard case .running = phase, recording == nil else { return }
        // An endpoint that has not answered for the silence limit will not answer the attempts
        // still waiting on it either: they are left unanswered, as a crash would leave them, and
        // resumed like lost answers. Every other stop waits for them.
        guard inFlight == 0 || endpointGaveUp else { return }
        let drained = readyHead >= ready.count && delayed.isEmpty && feed == .exhausted
        if drained, stopping == nil, !parked.isEmpty {
            // Every request was refused and none succeeded: these credentials can do none of it.
            stopping = .deniedEverywhere(message: "refused for every repository and package tried (\(parked.count) requests; last: \(lastDenial ?? ""))")
        }
        guard drained || stopping != nil else { return }
        let reason = stopping ?? .completed
        let pending = progress.leftPending + ready[readyHead...].reduce(0) { $0 + $1.versionCount } + delayed.versionCount
            + parked.reduce(0) { $0 + $1.versionCount }
        phase = .closing(reason, pendingVersions: pending)
        actions.append(.close(reason))
    }

    /// Uniform in [0, 1), from the injected generator.
    private mutating func unit() -> Double { Double(random.next() >> 11) * 0x1.0p-53 }
}
