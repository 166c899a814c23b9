import CodeArtifact
import Execution
import Testing

@Suite struct ExecutionPolicyTests {
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

    @Test func retriesUseCappedFullJitterAndNeverGiveUpOnThrottling() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 20)
        #expect(policy.decide(.transient, attempt: 1, unit: 1) == .retry(after: 0.1))
        #expect(policy.decide(.transient, attempt: 2, unit: 0.5) == .retry(after: 0.1))
        #expect(policy.decide(.transient, attempt: 3, unit: 0.5) == .leavePending)
        #expect(policy.decide(.throttled(retryAfter: 5), attempt: 50, unit: 0) == .retry(after: 5))
        if case .retry(let delay) = policy.decide(.throttled(retryAfter: nil), attempt: 100, unit: 0.999) { #expect(delay <= 20) }
        #expect(policy.decide(.permanent, attempt: 1, unit: 0) == .giveUp)
    }

    @Test func answersSortVersionsIntoFinalAndRetry() {
        let output = DeletePackageVersionsOutput(
            result: PackageVersionsResult(
                successfulVersions: ["1": SuccessfulPackageVersion(revision: "r1", status: .deleted)],
                failedVersions: ["2": PackageVersionFailure(errorCode: .notFound, errorMessage: "gone"),
                                 "3": PackageVersionFailure(errorCode: .skipped, errorMessage: nil),
                                 "4": PackageVersionFailure(errorCode: .mismatchedStatus, errorMessage: "is Archived")]),
            httpStatus: 200, requestID: "req-1")
        let outcome = AttemptOutcome(output: output, versions: ["1", "2", "3", "4", "5"])
        #expect(outcome.results.map(\.outcome) == [
            .done(revision: "r1"), .absent, .retryable(code: "SKIPPED", message: ""),
            .failed(code: "MISMATCHED_STATUS", message: "is Archived"),
            .retryable(code: "NOT_ANSWERED", message: "the answer did not mention this version"),
        ])
        #expect(outcome.retry == ["3", "5"])
        #expect(outcome.awsRequestID == "req-1")
    }

    @Test func requestErrorsAreClassified() {
        let throttled = AttemptOutcome(error: ServiceError(typeName: "ThrottlingException", message: "slow down", httpStatus: 429,
                                                          requestID: nil, retryAfter: 3), versions: ["1"])
        #expect(throttled.throttled)
        #expect(throttled.retry == ["1"])
        #expect(throttled.retryAfter == 3)
        let denied = AttemptOutcome(error: ServiceError(typeName: "AccessDeniedException", message: "no", httpStatus: 403,
                                                       requestID: nil, retryAfter: nil), versions: ["1"])
        #expect(!denied.fatalForRun)
        #expect(denied.deniedForResource)
        #expect(denied.counts.failed == 0, "a refusal leaves versions pending until the run knows it works elsewhere")
        var final = denied
        final.failDenied()
        #expect(final.results.map(\.outcome) == [.failed(code: "AccessDeniedException", message: final.errorMessage ?? "")])
        #expect(final.retry.isEmpty)
        let expired = AttemptOutcome(error: ServiceError(typeName: "ExpiredTokenException", message: "expired", httpStatus: 403,
                                                        requestID: nil, retryAfter: nil), versions: ["1"])
        #expect(expired.fatalForRun)
        #expect(expired.counts.failed == 0 && expired.retry == ["1"], "a run-fatal error leaves versions pending, not failed")
        let invalid = AttemptOutcome(error: ServiceError(typeName: "ValidationException", message: "bad", httpStatus: 400,
                                                        requestID: nil, retryAfter: nil), versions: ["1", "2"])
        #expect(invalid.counts.failed == 2 && invalid.retry.isEmpty)
        #expect(!invalid.fatalForRun)
    }
}
