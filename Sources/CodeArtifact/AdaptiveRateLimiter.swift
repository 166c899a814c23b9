/// Paces request starts for the whole run: a token bucket whose rate falls multiplicatively on
/// throttling and recovers gradually, as the AWS SDKs' adaptive retry mode does, plus a pause
/// for everyone when the service sends `Retry-After`.
///
/// Pure: time comes in as seconds on a monotonic clock, so tests drive it without waiting.
public struct AdaptiveRateLimiter: Sendable {
    /// The ceiling: `--rate`, the rate the run starts at.
    public let maxRate: Double
    /// Never slower than this, so a long throttle storm still makes progress.
    public let minRate: Double
    /// The multiplier applied on a throttled answer.
    public let decrease: Double
    /// Recovery speed: the fraction of `maxRate` regained per second without throttling.
    public let recoveryPerSecond: Double

    public private(set) var rate: Double
    private var tokens: Double
    private var lastRefill: Double
    private var lastThrottle: Double = -.infinity
    private var pausedUntil: Double = -.infinity

    public init(maxRate: Double, now: Double, minRate: Double = 0.5, decrease: Double = 0.7, recoveryPerSecond: Double = 0.05) {
        self.maxRate = maxRate
        self.minRate = min(minRate, maxRate)
        self.decrease = decrease
        self.recoveryPerSecond = recoveryPerSecond
        self.rate = maxRate
        // A small burst allowance: a second's worth at most, never less than one request.
        self.tokens = 1
        self.lastRefill = now
    }

    /// Takes a token when one is available now; otherwise returns how long to wait.
    public mutating func acquire(now: Double) -> Double? {
        if now < pausedUntil { return pausedUntil - now }
        refill(now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return (1 - tokens) / rate
    }

    /// A throttled answer: slow down (at most once per 100 ms, so a burst of throttles from
    /// requests sent together counts once), and pause everyone for `retryAfter` when given.
    public mutating func throttled(now: Double, retryAfter: Double?) {
        refill(now)
        if now - lastThrottle >= 0.1 {
            rate = max(minRate, rate * decrease)
            tokens = min(tokens, 0)
        }
        lastThrottle = now
        if let retryAfter, retryAfter > 0 {
            pausedUntil = max(pausedUntil, now + min(retryAfter, 60))
        }
    }

    /// A request that never reached the service (refused or cut before any answer) gives its
    /// start back: the account's quota counts the requests the service received, so a run with
    /// a few dropped connections still uses all of `--rate`. If the service did count it after
    /// all, the next throttled answer slows the run down as usual.
    public mutating func refund(now: Double) {
        refill(now)
        tokens = min(max(1, rate / 10), tokens + 1)
    }

    /// Whether every request is held back by a `Retry-After`.
    public func isPaused(now: Double) -> Bool { now < pausedUntil }

    private mutating func refill(_ now: Double) {
        let elapsed = max(0, now - lastRefill)
        lastRefill = now
        if rate < maxRate && now - lastThrottle > 1 {
            rate = min(maxRate, rate + maxRate * recoveryPerSecond * elapsed)
        }
        tokens = min(max(1, rate / 10), tokens + elapsed * rate)
    }
}
