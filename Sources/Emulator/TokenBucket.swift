/// A token bucket: `rate` tokens a second, holding at most one second's worth (and at least
/// one token, so that a rate under one a second still grants now and then).
struct TokenBucket: Sendable {
    let rate: Double
    private let capacity: Double
    private var tokens: Double
    private var updated: Double?

    init(rate: Double) {
        self.rate = rate
        capacity = max(1, rate)
        tokens = capacity
    }

    /// Takes a token at time `now` (seconds); when none is left, the whole seconds until one is.
    mutating func take(now: Double) -> Result<Void, RetryAfter> {
        if let updated { tokens = min(capacity, tokens + max(0, now - updated) * rate) }
        updated = now
        if tokens >= 1 {
            tokens -= 1
            return .success(())
        }
        return .failure(RetryAfter(seconds: max(1, Int(((1 - tokens) / rate).rounded(.up)))))
    }

    struct RetryAfter: Error, Sendable { let seconds: Int }
}
