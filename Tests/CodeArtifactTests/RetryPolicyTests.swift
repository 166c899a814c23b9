import CodeArtifact
import Testing

@Suite struct RetryPolicyTests {
    @Test func retriesUseCappedFullJitterAndNeverGiveUpOnThrottling() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 20)
        #expect(policy.decide(.transient, attempt: 1, unit: 1) == .retry(after: 0.1))
        #expect(policy.decide(.transient, attempt: 2, unit: 0.5) == .retry(after: 0.1))
        #expect(policy.decide(.transient, attempt: 3, unit: 0.5) == .leavePending)
        #expect(policy.decide(.throttled(retryAfter: 5), attempt: 50, unit: 0) == .retry(after: 5))
        if case .retry(let delay) = policy.decide(.throttled(retryAfter: nil), attempt: 100, unit: 0.999) { #expect(delay <= 20) }
        #expect(policy.decide(.permanent, attempt: 1, unit: 0) == .giveUp)
    }

    @Test func theCeilingDoublesWithEveryAttemptUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 100, baseDelay: 0.1, maxDelay: 20)
        let ceilings = (1...10).map { attempt -> Double in
            guard case .retry(let delay) = policy.decide(.transient, attempt: attempt, unit: 1) else { return -1 }
            return delay
        }
        #expect(ceilings.prefix(8).map { ($0 * 10).rounded() } == [1, 2, 4, 8, 16, 32, 64, 128])
        #expect(ceilings.suffix(2) == [20, 20])
        #expect(policy.decide(.transient, attempt: 5, unit: 0) == .retry(after: 0), "full jitter reaches down to no wait")
    }

    @Test func throttlingWaitsForTheLongerOfBackoffAndRetryAfter() {
        let policy = RetryPolicy(maxAttempts: 2, baseDelay: 0.1, maxDelay: 20)
        #expect(policy.decide(.throttled(retryAfter: 0.01), attempt: 5, unit: 1) == .retry(after: 1.6))
        // The backoff of a long throttle storm stops growing at the 8th attempt's ceiling.
        #expect(policy.decide(.throttled(retryAfter: nil), attempt: 100, unit: 1) == .retry(after: 12.8))
    }

    @Test func oneAttemptMeansNoRetryOfTransientFailures() {
        let policy = RetryPolicy(maxAttempts: 1)
        #expect(policy.decide(.transient, attempt: 1, unit: 0.5) == .leavePending)
        #expect(policy.decide(.throttled(retryAfter: 2), attempt: 1, unit: 0.5) == .retry(after: 2))
    }
}
