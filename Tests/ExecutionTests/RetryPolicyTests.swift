import Execution
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
}
