import CodeArtifact
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

    @Test func aThrottleStormNeverStopsTheRun() {
        var limiter = AdaptiveRateLimiter(maxRate: 100, now: 0)
        for step in 0..<100 { limiter.throttled(now: Double(step), retryAfter: nil) }
        #expect(limiter.rate == 0.5)
        #expect(limiter.acquire(now: 100) == 1, "at the lowest rate a start still comes every 2 s")
    }

    @Test func retryAfterIsCappedAndNeverShortensAPause() {
        var limiter = AdaptiveRateLimiter(maxRate: 10, now: 0)
        limiter.throttled(now: 0, retryAfter: 3_600)
        #expect(limiter.isPaused(now: 59.9))
        #expect(!limiter.isPaused(now: 60.1), "a Retry-After of an hour pauses the run for a minute at most")
        limiter.throttled(now: 100, retryAfter: 10)
        limiter.throttled(now: 101, retryAfter: 1)
        #expect(limiter.isPaused(now: 109), "a later, shorter Retry-After keeps the longer pause")
        #expect(!limiter.isPaused(now: 110))
    }

    @Test func anIdleRunSavesUpATenthOfASecondsStarts() {
        var limiter = AdaptiveRateLimiter(maxRate: 100, now: 0)
        var burst = 0
        while limiter.acquire(now: 100) == nil { burst += 1 }
        #expect(burst == 10)
        let wait = limiter.acquire(now: 100)
        #expect(wait.map { abs($0 - 0.01) < 1e-9 } == true)
    }
}
