import Dispatch

/// Sends reads (listings, descriptions) the way the executor sends writes: paced by an
/// `AdaptiveRateLimiter` on a budget of their own (`--read-rate`), retried by the same
/// `RetryPolicy`, and paused for every reader when the service sends `Retry-After`.
///
/// The decisions are the limiter's and the policy's; this actor only waits and calls. The
/// clock, the sleep and the jitter are injected so that tests need not wait.
public actor ReadPacer {
    /// What the reads cost, for summaries.
    public struct Statistics: Sendable, Equatable {
        public var attempts = 0
        public var retries = 0
        public var throttled = 0

        public init(attempts: Int = 0, retries: Int = 0, throttled: Int = 0) {
            self.attempts = attempts
            self.retries = retries
            self.throttled = throttled
        }
    }

    private var limiter: AdaptiveRateLimiter
    private let policy: RetryPolicy
    private let clock: @Sendable () -> Double
    private let sleep: @Sendable (Double) async throws -> Void
    private let unit: @Sendable () -> Double
    public private(set) var statistics = Statistics()

    /// `rate` is reads per second; `clock` gives monotonic seconds.
    public init(rate: Double, policy: RetryPolicy,
                clock: @escaping @Sendable () -> Double = ReadPacer.monotonicSeconds,
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64(max(0, $0) * 1e9)) },
                unit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.limiter = AdaptiveRateLimiter(maxRate: rate, now: clock())
        self.policy = policy
        self.clock = clock
        self.sleep = sleep
        self.unit = unit
    }

    public static let monotonicSeconds: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `read` when the budget allows, again after each retryable failure, and returns its
    /// answer; throws the last error when the policy gives up (permanent, fatal for the run,
    /// or out of attempts).
    public func perform<T: Sendable>(_ read: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            while let wait = limiter.acquire(now: clock()) { try await sleep(wait) }
            attempt += 1
            statistics.attempts += 1
            if attempt > 1 { statistics.retries += 1 }
            do {
                return try await read()
            } catch {
                let failure = Self.failure(error)
                if case .throttled(let retryAfter) = failure {
                    statistics.throttled += 1
                    limiter.throttled(now: clock(), retryAfter: retryAfter)
                }
                guard case .retry(let delay) = policy.decide(failure, attempt: attempt, unit: unit()) else { throw error }
                try await sleep(delay)
            }
        }
    }

    /// How the retry policy sees an error: the client's classification, and any transport
    /// failure without one as transient. Errors that every request would meet are not retried.
    static func failure(_ error: any Error) -> RetryPolicy.Failure {
        let classification = ErrorClassification(of: error)
        if classification.scope == .run { return .permanent }
        switch classification.retry {
        case .throttling: return .throttled(retryAfter: (error as? ServiceError)?.retryAfter)
        case .transient: return .transient
        case .permanent: return .permanent
        }
    }
}
