import Model
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

/// How a retried answer that may echo an earlier attempt is settled by the version's status.
@Suite struct AttemptOutcomeResolvingTests {
    private func answer(_ failures: [String: PackageVersionErrorCode]) -> AttemptOutcome {
        var failed: [String: PackageVersionFailure] = [:]
        for (version, code) in failures { failed[version] = PackageVersionFailure(errorCode: code, errorMessage: "m") }
        let output = PackageVersionsOutput(result: PackageVersionsResult(successfulVersions: [:], failedVersions: failed),
                                           httpStatus: 200, requestID: nil)
        return AttemptOutcome(output: output, versions: failures.keys.sorted())
    }

    @Test func theTargetStatusMeansDoneAnyOtherMeansChangedAndUnknownMeansAskAgain() {
        let raw = answer(["a": .mismatchedStatus, "b": .mismatchedStatus, "c": .mismatchedStatus, "d": .mismatchedRevision,
                          "e": .mismatchedStatus])
        #expect(raw.versionsToCheck(operation: .archive) == ["a", "b", "c", "d", "e"])
        let statuses: [String: PackageVersionStatus?] = ["a": .archived, "b": .unlisted, "c": .published, "d": .published]
        let resolved = raw.resolving(statuses, checked: ["a", "b", "c", "d", "e"], operation: .archive, expected: .published)
        let outcomes = Dictionary(uniqueKeysWithValues: resolved.results.map { ($0.version, $0.outcome) })
        #expect(outcomes["a"] == .done(revision: nil), "archived by an earlier attempt")
        #expect(outcomes["b"] == .changed(code: "MISMATCHED_STATUS", message: "m (status now Unlisted)"))
        #expect(outcomes["c"] == .retryable(code: "MISMATCHED_STATUS", message: "m (status now Published, as expected again)"))
        #expect(outcomes["d"] == .changed(code: "MISMATCHED_REVISION", message: "m (status now Published)"), "its revision moved")
        #expect(outcomes["e"] == .retryable(code: "MISMATCHED_STATUS", message: "m (its status could not be read, so it is asked again)"))
    }

    @Test func aDisposeRefusedAsNotAllowedIsDoneWhenTheVersionIsDisposed() {
        let raw = answer(["a": .notAllowed, "b": .notAllowed, "c": .notFound])
        #expect(raw.versionsToCheck(operation: .dispose) == ["a", "b"])
        #expect(raw.versionsToCheck(operation: .archive).isEmpty, "NOT_ALLOWED is checked for dispose only")
        let resolved = raw.resolving(["a": .disposed, "b": .deleted], checked: ["a", "b"], operation: .dispose, expected: nil)
        #expect(resolved.results.map(\.outcome) == [.done(revision: nil), .failed(code: "NOT_ALLOWED", message: "m (status now Deleted)"), .absent])
    }
}
