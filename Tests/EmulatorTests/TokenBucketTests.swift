@testable import Emulator
import Testing

/// Pins `TokenBucket`: a full second's worth at the start, refilled at `rate` a second up to
/// that, and a `Retry-After` of the whole seconds until the next token.
@Suite struct TokenBucketTests {
    private func retryAfter(_ result: Result<Void, TokenBucket.RetryAfter>) -> Int? {
        if case .failure(let wait) = result { wait.seconds } else { nil }
    }

    @Test func startsFullAndRefusesOnceEmpty() {
        var bucket = TokenBucket(rate: 3)
        for _ in 0..<3 { #expect(retryAfter(bucket.take(now: 100)) == nil) }
        #expect(retryAfter(bucket.take(now: 100)) == 1)
        #expect(retryAfter(bucket.take(now: 100)) == 1, "a refusal spends nothing")
    }

    @Test func refillsAtTheRateUpToOneSecondsWorth() {
        var bucket = TokenBucket(rate: 4)
        for _ in 0..<4 { _ = bucket.take(now: 0) }
        // Half a second brings two tokens back.
        #expect(retryAfter(bucket.take(now: 0.5)) == nil)
        #expect(retryAfter(bucket.take(now: 0.5)) == nil)
        #expect(retryAfter(bucket.take(now: 0.5)) == 1)
        // A long pause fills it to the rate, not beyond.
        var granted = 0
        while retryAfter(bucket.take(now: 1_000)) == nil { granted += 1 }
        #expect(granted == 4)
    }

    @Test func aClockGoingBackRefillsNothing() {
        var bucket = TokenBucket(rate: 1)
        #expect(retryAfter(bucket.take(now: 10)) == nil)
        #expect(retryAfter(bucket.take(now: 5)) == 1)
        #expect(retryAfter(bucket.take(now: 6)) == nil, "time counts again from the earlier reading")
    }

    @Test func retryAfterRoundsUpToWholeSeconds() {
        var slow = TokenBucket(rate: 1.5)
        #expect(retryAfter(slow.take(now: 0)) == nil)
        // Half a token left: a third of a second to the next, said as 1.
        #expect(retryAfter(slow.take(now: 0)) == 1)
        var bucket = TokenBucket(rate: 1)
        _ = bucket.take(now: 0)
        #expect(retryAfter(bucket.take(now: 0.9)) == 1)
        #expect(retryAfter(bucket.take(now: 1.0)) == nil)
    }

    @Test func aRateBelowOneStillGrantsATokenNowAndThen() {
        // `--throttle-tps 0.5`: one request every two seconds.
        var bucket = TokenBucket(rate: 0.5)
        let granted = (0..<10).filter { retryAfter(bucket.take(now: Double($0) * 3)) == nil }.count
        #expect(granted == 10, "a request every 3 s is under one every 2 s")
        #expect(retryAfter(bucket.take(now: 27.5)) == 2, "the next token is 1.5 s away: Retry-After rounds up")
    }
}
