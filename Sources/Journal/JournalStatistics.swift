import Model
/// Counts of versions per state.
public struct StateCounts: Sendable, Equatable {
    public var done = 0
    public var absent = 0
    public var changed = 0
    public var failed = 0
    public var pending = 0

    public init() {}

    public subscript(state: VersionState) -> Int {
        get {
            switch state {
            case .done: done
            case .absent: absent
            case .changed: changed
            case .failed: failed
            case .pending: pending
            }
        }
        set {
            switch state {
            case .done: done = newValue
            case .absent: absent = newValue
            case .changed: changed = newValue
            case .failed: failed = newValue
            case .pending: pending = newValue
            }
        }
    }

    public var total: Int { done + absent + changed + failed + pending }

    public static func + (a: StateCounts, b: StateCounts) -> StateCounts {
        var sum = a
        for state in VersionState.allCases { sum[state] += b[state] }
        return sum
    }
}

/// What the requests of a journal did, beyond the versions' states.
public struct JournalStatistics: Sendable, Equatable {
    /// Records replayed, the header included.
    public var records = 0
    /// Attempts sent (intents).
    public var attempts = 0
    /// Attempts after a request's first.
    public var retries = 0
    public var answers = 0
    public var throttled = 0
    /// Answers without an HTTP response.
    public var transportErrors = 0
    /// Attempts whose answer never reached the journal (closed by a later run start or run end).
    public var lostAnswersClosed = 0
    /// Versions found `absent` after an attempt that included them lost its answer or failed in transport:
    /// most likely deleted by that attempt.
    public var absentAfterLostAnswer = 0
    /// Answers per HTTP status; transport errors are not counted here.
    public var httpStatuses: [Int: Int] = [:]
    /// Answers per error type (service or transport), the ones without per-version results included.
    public var errorTypes: [String: Int] = [:]

    public init() {}

    /// What was added after `earlier` (the same journal read before): one run's own figures,
    /// counted exactly as reports count them. `records` and the per-status and per-type counts
    /// are left empty.
    public func since(_ earlier: JournalStatistics) -> JournalStatistics {
        var d = JournalStatistics()
        d.attempts = attempts - earlier.attempts
        d.retries = retries - earlier.retries
        d.answers = answers - earlier.answers
        d.throttled = throttled - earlier.throttled
        d.transportErrors = transportErrors - earlier.transportErrors
        d.lostAnswersClosed = lostAnswersClosed - earlier.lostAnswersClosed
        d.absentAfterLostAnswer = absentAfterLostAnswer - earlier.absentAfterLostAnswer
        return d
    }

    /// The counts of two replays of disjoint requests (stretches of one plan) together. Every
    /// stretch replays the run boundaries, so `records` is not summed.
    public static func + (a: JournalStatistics, b: JournalStatistics) -> JournalStatistics {
        var sum = a
        sum.attempts += b.attempts
        sum.retries += b.retries
        sum.answers += b.answers
        sum.throttled += b.throttled
        sum.transportErrors += b.transportErrors
        sum.lostAnswersClosed += b.lostAnswersClosed
        sum.absentAfterLostAnswer += b.absentAfterLostAnswer
        sum.httpStatuses.merge(b.httpStatuses, uniquingKeysWith: +)
        sum.errorTypes.merge(b.errorTypes, uniquingKeysWith: +)
        return sum
    }
}

/// One answer as reports need it: the answer as recorded (without its per-version results,
/// which replay has folded into states), the run it arrived in, and how much it settled.
@dynamicMemberLookup
public struct AnswerSummary: Sendable, Equatable {
    public var answer: AttemptAnswer
    /// Index into `JournalReplay.runs` of the run it arrived in.
    public var run: Int
    /// Versions this answer moved from `pending` to a final state.
    public var settled: Int
    /// Versions this answer carried out.
    public var done: Int

    public subscript<Value>(dynamicMember member: KeyPath<AttemptAnswer, Value>) -> Value { answer[keyPath: member] }
}

/// One `apply` invocation as the journal shows it.
public struct RunSummary: Sendable, Equatable {
    /// `nil` for records before any run start (journals written without one).
    public var start: RunStart?
    public var end: RunEnd?
    public var firstTime: Timestamp
    /// The last record of the run: where an interrupted run's active time ends.
    public var lastTime: Timestamp
    public var answers = 0

    /// Seconds between the run's first and last record.
    public var activeSeconds: Double { firstTime.seconds(to: end?.time ?? lastTime) }
}

/// Why a version is `failed`, or why a `pending` one was last refused.
public struct VersionDetail: Sendable, Equatable {
    public var code: String
    public var message: String
}
