/// Decides whether and when a failed attempt is tried again: exponential backoff with full
/// jitter, capped; throttling is retried for as long as the run is healthy.
public struct RetryPolicy: Sendable {
    /// `--max-attempts`: attempts for transient failures (5xx, timeouts, resets, SKIPPED).
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double

    public init(maxAttempts: Int = 8, baseDelay: Double = 0.1, maxDelay: Double = 20) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// What kind of failure an attempt met.
    public enum Failure: Sendable, Equatable {
        case throttled(retryAfter: Double?)
        case transient
        case permanent
    }

    /// What to do next.
    public enum Decision: Sendable, Equatable {
        case retry(after: Double)
        /// Out of attempts: the versions stay pending, for a later `apply` to resume.
        case leavePending
        case giveUp
    }

    /// `attempt` is the attempt that just failed, from 1; `unit` is uniform in [0, 1).
    public func decide(_ failure: Failure, attempt: Int, unit: Double) -> Decision {
        switch failure {
        case .permanent:
            return .giveUp
        case .throttled(let retryAfter):
            let backoff = jittered(attempt: min(attempt, 8), unit: unit)
            return .retry(after: max(backoff, retryAfter ?? 0))
        case .transient:
            guard attempt < maxAttempts else { return .leavePending }
            return .retry(after: jittered(attempt: attempt, unit: unit))
        }
    }

    /// Full jitter: uniform in [0, min(cap, base·2^(attempt−1))].
    func jittered(attempt: Int, unit: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(max(attempt - 1, 0), 20)))
        return unit * ceiling
    }
}
