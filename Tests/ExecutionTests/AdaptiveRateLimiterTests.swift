import Execution
import Testing

@Suite struct AdaptiveRateLimiterTests {
    @Test func limiterPacesAtItsRateAndBacksOffOnThrottling() {
        var limiter = AdaptiveRateLimiter(maxRate: 10, now: 0)
        var granted = 0
        var t = 0.0
        while t < 10 {
            if limiter.acquire(now: t) == nil { granted += 1 }
            t += 0.001
        }
        #expect(granted >= 95 && granted <= 102)
        limiter.throttled(now: 10, retryAfter: nil)
        #expect(limiter.rate == 7)
        limiter.throttled(now: 10.05, retryAfter: nil)
        #expect(limiter.rate == 7, "throttles within 100 ms count once")
        limiter.throttled(now: 10.5, retryAfter: 2)
        #expect(limiter.isPaused(now: 11))
        #expect(limiter.acquire(now: 11)! > 1.4)
        // Recovers gradually without throttling.
        _ = limiter.acquire(now: 40)
        #expect(limiter.rate == 10)
    }

    @Test func aRequestThatNeverArrivedGivesItsStartBack() {
        var limiter = AdaptiveRateLimiter(maxRate: 10, now: 0)
        #expect(limiter.acquire(now: 0) == nil)
        #expect(limiter.acquire(now: 0) != nil, "one token at the start")
        limiter.refund(now: 0)
        #expect(limiter.acquire(now: 0) == nil)
        // Refunds never build up more than the usual burst.
        for _ in 0..<50 { limiter.refund(now: 0) }
        #expect(limiter.acquire(now: 0) == nil)
        #expect(limiter.acquire(now: 0) != nil)
    }
}
