import CodeArtifact
@testable import Execution
import Model
import Testing

/// The executor's decisions, driven with values alone: a scripted feed, answers made by hand and
/// a clock that moves only when a test moves it.
@Suite struct SchedulingMachineTests {
    @Test func neverMoreInFlightThanTheConcurrency() {
        var run = MachineRun(items: (0..<10).map { item($0) }, options: options { $0.concurrency = 3; $0.rate = 1_000 })
        run.start()
        // One token at the start, then the bucket refills with time.
        #expect(run.inFlight.count == 1)
        run.fireTimer(at: 1)
        #expect(run.inFlight.count == 3)
        #expect(run.machine.inFlight == 3)
        #expect(run.pendingWake == nil, "a full window waits for answers, not for a timer")
        run.fireTimer(at: 2)
        #expect(run.inFlight.count == 3)
        run.answer(run.inFlight[0], deleted(), at: 2)
        #expect(run.inFlight.count == 3)
        #expect(run.sent.count == 4)
    }

    @Test func startsArePacedAtTheRate() {
        var run = MachineRun(items: (0..<4).map { item($0) }, options: options { $0.rate = 10 })
        run.start()
        var starts: [Double] = [0]
        while let wake = run.pendingWake {
            let before = run.sent.count
            run.fireTimer(at: wake)
            if run.sent.count > before { starts.append(wake) }
        }
        #expect(starts.count == 4)
        for (earlier, later) in zip(starts, starts.dropFirst()) { #expect(abs(later - earlier - 0.1) < 1e-9) }
    }

    @Test func aThrottledAnswerHoldsEveryRequestUntilRetryAfterAndLowersTheRate() {
        var run = MachineRun(items: [item(0), item(1), item(2)], options: options { $0.concurrency = 2; $0.rate = 100 },
                             random: FixedGenerator(unit: 0))
        run.start()
        run.fireTimer(at: 0.5)
        #expect(run.inFlight.count == 2)
        let first = run.inFlight[0]
        run.answer(first, service("ThrottlingException", 429, retryAfter: 5), at: 1)
        #expect(run.recorded.last?.answer.throttled == true)
        #expect(abs(run.rate - 70) < 1e-9)
        #expect(run.pendingWake == 6, "nothing is sent before Retry-After, not even other requests")
        run.answer(run.inFlight[0], deleted(), at: 2)
        #expect(run.sent.count == 2, "a free slot waits for Retry-After too")
        run.fireTimer(at: 5.99)
        #expect(run.sent.count == 2)
        run.fireTimer(at: 6)
        #expect(run.sent.count == 4)
        // The throttled request goes back with its next attempt number.
        #expect(run.sent.filter { $0.key == first.key }.map(\.attempts) == [1, 2])
    }

    @Test func throttlingIsRetriedBeyondMaxAttempts() {
        var run = MachineRun(items: [item(0)], options: options { $0.retry.maxAttempts = 2 }, random: FixedGenerator(unit: 0))
        run.start()
        for attempt in 1...5 {
            #expect(run.inFlight.first?.attempts == attempt)
            run.answer(run.inFlight[0], service("ThrottlingException", 429), at: run.now + 1)
            run.fireTimersUntilSent()
        }
        run.answer(run.inFlight[0], deleted(), at: run.now)
        run.drain()
        #expect(run.result?.reason == .completed)
        #expect(run.result?.pendingVersions == 0)
        #expect(run.result?.progress.throttled == 5)
    }

    @Test func skippedVersionsGoBackAtOnceWithoutSpendingAttemptsWhileOthersSettle() {
        var run = MachineRun(items: [item(0, versions: ["1", "2", "3"])], options: options { $0.retry.maxAttempts = 2 },
                             random: FixedGenerator(unit: 0.5))
        run.start()
        // The service skipped 2 and 3 for 1's sake: they go again at once, without 1.
        run.answer(run.inFlight[0], deleted(["1"], skipped: ["2", "3"]), at: 1)
        #expect(run.pendingWake == nil)
        #expect(run.inFlight.map(\.versions) == [["2", "3"]])
        run.answer(run.inFlight[0], deleted(["2"], skipped: ["3"]), at: 1.01)
        #expect(run.inFlight.map(\.versions) == [["3"]])
        // Three attempts so far, yet with --max-attempts 2 the version is still tried: skips
        // beside a settled version are not its failures. Skipped alone, it backs off and counts.
        run.answer(run.inFlight[0], deleted([], skipped: ["3"]), at: 1.02)
        // Full jitter for the first failure that counts: half of the 0.1 s base.
        #expect(abs((run.pendingWake ?? 0) - 1.07) < 1e-9)
        run.fireTimer(at: run.pendingWake!)
        #expect(run.inFlight.map(\.versions) == [["3"]])
        run.answer(run.inFlight[0], deleted([], skipped: ["3"]), at: 2)
        #expect(run.pendingWake == nil, "out of attempts: nothing more is scheduled")
        run.drain()
        #expect(run.result?.reason == .completed)
        #expect(run.result?.pendingVersions == 1)
        #expect(run.result?.progress.leftPending == 1)
        #expect(run.result?.progress.carriedOut == 2)
        #expect(run.result?.progress.attemptsSent == 4)
        #expect(run.result?.progress.retries == 3)
    }

    @Test func ctrlCSendsNothingNewAndFinishesWhenTheInFlightAnswersArrive() {
        var run = MachineRun(items: (0..<5).map { item($0) }, options: options { $0.concurrency = 2 })
        run.start()
        run.fireTimer(at: 1)
        #expect(run.inFlight.count == 2)
        run.interrupt(at: 1.5)
        #expect(run.closed == nil, "in-flight requests are waited for")
        run.answer(run.inFlight[0], deleted(), at: 2)
        #expect(run.sent.count == 2)
        #expect(run.closed == nil)
        run.answer(run.inFlight[0], deleted(), at: 2.5)
        #expect(run.sent.count == 2)
        #expect(run.closed == .interrupted)
        #expect(run.recorded.count == 2, "both answers were recorded before the close")
        #expect(run.result?.reason == .interrupted)
        #expect(run.result?.pendingVersions == 3)
        #expect(run.result?.progress.elapsed == 2.5)
    }

    @Test func tooManyPermanentFailuresStopTheRun() {
        var run = MachineRun(items: (0..<10).map { item($0) },
                             options: options { $0.concurrency = 1; $0.failureRateMinimum = 4; $0.maxFailureRate = 0.5 })
        run.start()
        run.answer(run.inFlight[0], deleted(), at: 1)
        run.answer(run.inFlight[0], service("ValidationException", 400), at: 2)
        run.answer(run.inFlight[0], service("ValidationException", 400), at: 3)
        #expect(run.closed == nil, "2 failed of 3 answered, but fewer than the minimum were answered")
        run.answer(run.inFlight[0], service("ValidationException", 400), at: 4)
        #expect(run.closed == .failureThreshold(failed: 3, answered: 4))
        #expect(run.sent.count == 4)
        #expect(run.result?.pendingVersions == 6)
    }

    @Test func anErrorFatalForTheRunStopsSendingAndWaitsForTheRest() {
        var run = MachineRun(items: (0..<6).map { item($0) }, options: options { $0.concurrency = 2 })
        run.start()
        run.fireTimer(at: 1)
        run.answer(run.inFlight[0], service("ExpiredTokenException", 403), at: 1.1)
        #expect(run.sent.count == 2)
        #expect(run.closed == nil)
        #expect(run.recorded.last?.answer.retry == ["1.0.0"], "the versions stay pending")
        run.answer(run.inFlight[0], deleted(), at: 1.2)
        guard case .refused(let code, _)? = run.closed else {
            Issue.record("closed with \(String(describing: run.closed))")
            return
        }
        #expect(code == "ExpiredTokenException")
        #expect(run.sent.count == 2)
    }

    @Test func aRefusalWaitsForASuccessElsewhereThenFails() {
        var run = MachineRun(items: [item(0), item(1)], options: options { $0.concurrency = 1 })
        run.start()
        let locked = run.inFlight[0]
        run.answer(locked, service("AccessDeniedException", 403), at: 0.5)
        #expect(run.recorded.last?.answer.retry == ["1.0.0"], "nothing has succeeded yet: parked, not failed")
        run.fireTimer(at: 1)
        run.answer(run.inFlight[0], deleted(), at: 1.1)
        run.fireTimer(at: 2)
        // The parked request is asked once more; this refusal is final.
        #expect(run.inFlight.map(\.key) == [locked.key])
        #expect(run.inFlight.first?.attempts == 2)
        run.answer(run.inFlight[0], service("AccessDeniedException", 403), at: 2.1)
        #expect(run.recorded.last?.answer.results.map(\.outcome)
                == [.failed(code: "AccessDeniedException", message: "said AccessDeniedException")])
        run.drain()
        #expect(run.result?.reason == .completed)
        #expect(run.result?.progress.failed == 1)
        #expect(run.result?.progress.carriedOut == 1)
        #expect(run.result?.pendingVersions == 0)
    }

    @Test func refusedEverywhereStopsWithEveryVersionPending() {
        var run = MachineRun(items: [item(0), item(1)], options: options { $0.concurrency = 1 })
        run.start()
        run.answer(run.inFlight[0], service("AccessDeniedException", 403), at: 0.5)
        run.fireTimer(at: 1)
        run.answer(run.inFlight[0], service("AccessDeniedException", 403), at: 1.5)
        guard case .deniedEverywhere? = run.closed else {
            Issue.record("closed with \(String(describing: run.closed))")
            return
        }
        #expect(run.result?.pendingVersions == 2)
        #expect(run.result?.progress.failed == 0)
    }

    @Test func aSilentEndpointStopsTheRunAtTheLimitWithoutWaitingForItsAttempts() {
        var run = MachineRun(items: (0..<4).map { item($0) }, options: options { $0.concurrency = 2; $0.silenceLimit = 10 })
        run.start()
        run.answer(run.inFlight[0], deleted(), at: 1)
        run.fireTimer(at: 1.5)
        run.fireTimer(at: 2)
        #expect(run.inFlight.count == 2)
        run.answer(run.inFlight[0], refused(), at: 3)
        run.watchdog(at: 10.9)
        #expect(run.closed == nil, "the last answer is not yet 10 s old")
        run.watchdog(at: 11)
        guard case .endpointUnreachable(let message)? = run.closed else {
            Issue.record("closed with \(String(describing: run.closed))")
            return
        }
        #expect(message.contains("10 s"))
        #expect(!run.inFlight.isEmpty, "an attempt was still out when the run stopped")
        // Its answer, should it come, is not recorded: the journal is closed.
        let recorded = run.recorded.count
        run.answer(run.inFlight[0], deleted(), at: 12)
        #expect(run.recorded.count == recorded)
    }

    @Test func waitingOutARetryAfterIsNotSilence() {
        var run = MachineRun(items: [item(0)], options: options { $0.silenceLimit = 10 })
        run.start()
        run.answer(run.inFlight[0], service("ThrottlingException", 429, retryAfter: 60), at: 1)
        run.watchdog(at: 30)
        #expect(run.closed == nil)
    }

    @Test func attemptsUnansweredInARowStopTheRun() {
        var run = MachineRun(items: (0..<40).map { item($0) },
                             options: options { $0.concurrency = 1; $0.rate = 1_000; $0.silenceLimit = 1_000 })
        run.start()
        var t = 0.0
        while run.closed == nil, let next = run.inFlight.first {
            t += 0.01
            run.answer(next, refused(), at: t)
            if run.inFlight.isEmpty, let wake = run.pendingWake { run.fireTimer(at: wake) }
        }
        guard case .endpointUnreachable(let message)? = run.closed else {
            Issue.record("closed with \(String(describing: run.closed))")
            return
        }
        #expect(message.hasPrefix("32 requests in a row"))
    }

    @Test func aRequestThatNeverArrivedGivesItsRateTokenBack() {
        var run = MachineRun(items: [item(0)], options: options { $0.rate = 1 }, random: FixedGenerator(unit: 0))
        run.start()
        run.answer(run.inFlight[0], refused(), at: 0.01)
        // At 1 request/s the retry would wait for the next token; the refund lets it go at once.
        #expect(run.sent.count == 2)
    }

    @Test func aJournalThatCannotRecordStopsTheRunFirst() {
        var run = MachineRun(items: (0..<4).map { item($0) }, options: options { $0.concurrency = 1 })
        run.journalFailure = "disk full"
        run.start()
        run.answer(run.inFlight[0], service("ExpiredTokenException", 403), at: 0.5)
        #expect(run.closed == .journalFailed(message: "disk full"))
        #expect(run.sent.count == 1)
    }

    @Test func progressCountsOnlyDurableAnswers() {
        var run = MachineRun(items: [item(0, versions: ["1", "2"]), item(1)], options: options { $0.concurrency = 1 })
        run.durableAtOnce = false
        run.start()
        run.answer(run.inFlight[0], deleted(["1"], absent: ["2"]), at: 1)
        #expect(run.progress(at: 1).settled == 0)
        #expect(run.progress(at: 1).attemptsSent == 2)
        run.makeDurable()
        let progress = run.progress(at: 2)
        #expect(progress.carriedOut == 1)
        #expect(progress.absent == 1)
        #expect(progress.requestsAnswered == 1)
        #expect(progress.elapsed == 2)
        #expect(progress.totalVersions == 3)
    }

    @Test func theFeedIsAskedOnlyWhenThereIsRoomAndWaitsForItsSignal() {
        var run = MachineRun(feed: [.items([item(0)]), .notYet, .items([item(1)]), .exhausted],
                             totalVersions: 2, options: options { $0.concurrency = 1 })
        run.start()
        #expect(run.polls == 1, "a full window asks the feed for nothing more")
        run.answer(run.inFlight[0], deleted(), at: 0.5)
        #expect(run.polls == 2)
        #expect(run.closed == nil, "a feed that said not yet is not finished")
        run.fireTimer(at: 1)
        #expect(run.polls == 2, "asked again only once it says it has more")
        run.feedReady(at: 1)
        #expect(run.polls == 3)
        run.answer(run.inFlight[0], deleted(), at: 1.5)
        #expect(run.polls == 4)
        run.drain()
        #expect(run.result?.reason == .completed)
        #expect(run.result?.progress.carriedOut == 2)
    }

    @Test func aFeedThatFailsStopsTheRun() {
        var run = MachineRun(feed: [.items([item(0)]), .failed("plan.jsonl: line 7 is damaged")], totalVersions: 2,
                             options: options { $0.concurrency = 2 })
        run.start()
        #expect(run.closed == nil, "the request in flight is waited for")
        run.answer(run.inFlight[0], deleted(), at: 0.5)
        #expect(run.closed == .planUnreadable(message: "plan.jsonl: line 7 is damaged"))
    }

    @Test func anEmptyRunCompletesAtOnce() {
        var run = MachineRun(items: [], options: options())
        run.start()
        run.drain()
        #expect(run.result?.reason == .completed)
        #expect(run.result?.pendingVersions == 0)
        #expect(run.actions.first == .startWatchdog(every: 1))
    }

    @Test func theSeedDecidesTheJitter() {
        func schedule(seed: UInt64) -> [Double] {
            var run = MachineRun(items: (0..<8).map { item($0) }, options: options { $0.seed = seed; $0.rate = 1_000 })
            run.start()
            run.fireTimer(at: 1)
            for sent in run.inFlight { run.answer(sent, service("InternalServerException", 500), at: 1) }
            return run.actions.compactMap { if case .wake(let at) = $0 { at } else { nil } }
        }
        #expect(schedule(seed: 42) == schedule(seed: 42))
        #expect(schedule(seed: 42) != schedule(seed: 43))
    }
}

// MARK: - A driver made of values

/// Performs the machine's actions the way `Executor` does, but records them instead: sends
/// become `inFlight`, wake-ups `pendingWake`, records `recorded`.
private struct MachineRun {
    var machine: SchedulingMachine
    var feed: [FeedPoll<WorkItem>]
    var now = 0.0
    var actions: [SchedulingMachine.Action] = []
    var sent: [WorkItem] = []
    var inFlight: [WorkItem] = []
    var recorded: [SchedulingMachine.Recording] = []
    var pendingWake: Double?
    var polls = 0
    var closed: StopReason?
    var result: ExecutionResult?
    /// What the recorder reports after each record.
    var journalFailure: String?
    /// Whether records are durable as soon as they are made; otherwise `makeDurable` does it.
    var durableAtOnce = true
    private var notDurable: [AttemptOutcome] = []
    private var journalAttempts: [WorkItem: Int] = [:]

    init(feed: [FeedPoll<WorkItem>], totalVersions: Int, options: ExecutionOptions, random: FixedGenerator? = nil) {
        machine = SchedulingMachine(options: options, totalVersions: totalVersions, random: random)
        self.feed = feed
    }

    init(items: [WorkItem], options: ExecutionOptions, random: FixedGenerator? = nil) {
        self.init(feed: [.items(items)], totalVersions: items.reduce(0) { $0 + $1.versionCount }, options: options, random: random)
    }

    var rate: Double {
        var copy = machine
        guard case .reportProgress(let progress)? = copy.progressTick(now: now).first else { return 0 }
        return progress.currentRate
    }

    mutating func progress(at time: Double) -> ExecutionProgress {
        guard case .reportProgress(let progress)? = machine.progressTick(now: time).first else { return ExecutionProgress() }
        return progress
    }

    mutating func start() { perform(machine.start(now: now)) }

    mutating func answer(_ item: WorkItem, _ outcome: AttemptOutcome, at time: Double) {
        now = time
        inFlight.removeAll { $0 == item }
        perform(machine.answered(item, attempt: journalAttempts[item] ?? 0, outcome: outcome, latency: 0.01, now: time))
    }

    mutating func fireTimer(at time: Double) {
        now = time
        pendingWake = nil
        perform(machine.timerFired(now: time))
    }

    mutating func watchdog(at time: Double) {
        now = time
        perform(machine.watchdogTick(now: time))
    }

    mutating func interrupt(at time: Double) {
        now = time
        perform(machine.interrupt(now: time))
    }

    mutating func feedReady(at time: Double) {
        now = time
        perform(machine.feedReady(now: time))
    }

    mutating func makeDurable() {
        for answer in notDurable { machine.answerDurable(answer) }
        notDurable = []
    }

    /// Fires wake-ups until something is sent (the limiter may need more than one).
    mutating func fireTimersUntilSent() {
        while inFlight.isEmpty, let wake = pendingWake { fireTimer(at: wake) }
    }

    /// Fires due wake-ups until the run finishes or has nothing more to wait for.
    mutating func drain() {
        while result == nil, inFlight.isEmpty, let wake = pendingWake { fireTimer(at: max(now, wake)) }
    }

    private mutating func perform(_ list: [SchedulingMachine.Action]) {
        for action in list {
            actions.append(action)
            switch action {
            case .startWatchdog: break
            case .pollFeed:
                polls += 1
                let poll = feed.isEmpty ? .exhausted : feed.removeFirst()
                perform(machine.feedPolled(poll, now: now))
            case .send(let item):
                // Attempt numbers as the journal keeps them: across runs.
                let attempt = item.priorAttempts + item.attempts
                journalAttempts[item] = attempt
                machine.intentRecorded(attempt: attempt)
                sent.append(item)
                inFlight.append(item)
            case .wake(let time):
                #expect(pendingWake == nil, "one wake-up at a time")
                #expect(time > now, "a wake-up is for later")
                pendingWake = time
            case .record(let recording):
                recorded.append(recording)
                if durableAtOnce { machine.answerDurable(recording.answer) } else { notDurable.append(recording.answer) }
                perform(machine.answerRecorded(journalFailure: journalFailure, now: now))
            case .reportProgress: break
            case .close(let reason):
                #expect(closed == nil, "closed once")
                closed = reason
                makeDurable()
                perform(machine.recorderClosed(error: nil, now: now))
            case .finish(let result):
                self.result = result
            }
        }
    }
}

/// A generator whose every draw is the same, so that jitter is a chosen fraction of its ceiling.
private struct FixedGenerator: RandomNumberGenerator, Sendable {
    let value: UInt64

    /// `unit` in [0, 1): the fraction every draw gives.
    init(unit: Double) { value = UInt64(unit * 0x1.0p53) << 11 }

    func next() -> UInt64 { value }
}

private func options(_ change: (inout ExecutionOptions) -> Void = { _ in }) -> ExecutionOptions {
    var options = ExecutionOptions()
    options.seed = 1
    change(&options)
    return options
}

/// Package `n` with one version (or `versions`).
private func item(_ n: Int, versions: [String] = ["1.0.0"]) -> WorkItem {
    WorkItem(key: PackageKey(domain: "acme", domainOwner: nil, repository: "npm-store", format: .npm, namespace: nil, package: "pkg-\(n)"),
             segments: [WorkItem.Segment(requestID: n, versions: versions)])
}

/// A 200 answer: `versions` deleted (by default the one version `item` makes), others as given.
private func deleted(_ versions: [String] = ["1.0.0"], absent: [String] = [], skipped: [String] = []) -> AttemptOutcome {
    var successful: [String: SuccessfulPackageVersion] = [:]
    for version in versions { successful[version] = SuccessfulPackageVersion(revision: "r-\(version)", status: .deleted) }
    var failed: [String: PackageVersionFailure] = [:]
    for version in absent { failed[version] = PackageVersionFailure(errorCode: .notFound, errorMessage: nil) }
    for version in skipped { failed[version] = PackageVersionFailure(errorCode: .skipped, errorMessage: nil) }
    let output = DeletePackageVersionsOutput(result: PackageVersionsResult(successfulVersions: successful, failedVersions: failed),
                                             httpStatus: 200, requestID: "req")
    return AttemptOutcome(output: output, versions: versions + absent + skipped)
}

/// A whole-request service error for the one version `item` makes.
private func service(_ type: String, _ status: Int, retryAfter: Double? = nil) -> AttemptOutcome {
    AttemptOutcome(error: ServiceError(typeName: type, message: "said \(type)", httpStatus: status, requestID: nil, retryAfter: retryAfter),
                   versions: ["1.0.0"])
}

/// A connection refused: no HTTP answer at all.
private func refused() -> AttemptOutcome {
    AttemptOutcome(error: Refused(), versions: ["1.0.0"])
}

private struct Refused: ClassifiedError {
    var classification: ErrorClassification { ErrorClassification(retry: .transient, scope: .request) }
    var code: String { "connection_refused" }
}
