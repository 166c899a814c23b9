import CodeArtifact
import Execution
import Testing

@Suite struct AttemptOutcomeTests {
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
            .changed(code: "MISMATCHED_STATUS", message: "is Archived"),
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

    @Test func aServerErrorOrAFailureBelowTheClientRetriesTheWholeRequest() {
        let server = AttemptOutcome(error: ServiceError(typeName: nil, message: nil, httpStatus: 503, requestID: "req-2", retryAfter: nil),
                                    versions: ["1", "2"])
        #expect(server.retry == ["1", "2"])
        #expect(server.retryKind == .transient)
        #expect(server.httpStatus == 503)
        #expect(server.errorCode == "HTTP503")
        #expect(server.counts.pending == 2, "nothing is final")
        struct Unclassified: Error {}
        let lost = AttemptOutcome(error: Unclassified(), versions: ["1"])
        #expect(lost.httpStatus == nil, "no HTTP answer: the endpoint said nothing")
        #expect(lost.errorCode == "transport")
        #expect(lost.retry == ["1"])
        #expect(lost.retryKind == .transient)
    }
}
