/// Counters of a run as it goes, for the progress line and the final summary.
public struct ExecutionProgress: Sendable, Equatable {
    /// Versions planned for this run (pending at its start).
    public var totalVersions = 0
    /// Versions whose final answer is durable in the journal: carried out, already gone,
    /// changed since the inventory (left alone), refused.
    public var carriedOut = 0
    public var absent = 0
    public var changed = 0
    public var failed = 0
    /// Attempts answered (durably), retries sent (attempts after a request's first, across runs), throttled answers.
    public var requestsAnswered = 0
    public var attemptsSent = 0
    public var retries = 0
    public var throttled = 0
    /// Versions given up on after `--max-attempts` (still pending, resumable).
    public var leftPending = 0
    /// Seconds since the run started.
    public var elapsed: Double = 0
    /// The limiter's current rate, requests/s.
    public var currentRate: Double = 0

    /// Versions in a final state.
    public var settled: Int { carriedOut + absent + changed + failed }

    public init() {}
}
