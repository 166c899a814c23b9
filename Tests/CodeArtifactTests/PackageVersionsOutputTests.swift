import CodeArtifact
import Model
import Testing

/// Pins `PackageVersionsOutput.outcome(of:)`, the one classification of a batch answer's
/// versions: successful → done, NOT_FOUND → absent, SKIPPED → retryable, MISMATCHED_STATUS and
/// MISMATCHED_REVISION → changed, any other code → failed, not mentioned → retryable.
@Suite struct PackageVersionsOutputTests {
    static let output = PackageVersionsOutput(
        result: PackageVersionsResult(
            successfulVersions: ["ok": SuccessfulPackageVersion(revision: "R", status: .deleted),
                                 "no-revision": SuccessfulPackageVersion(revision: nil, status: nil)],
            failedVersions: [
                "gone": PackageVersionFailure(errorCode: .notFound, errorMessage: "not here"),
                "skipped": PackageVersionFailure(errorCode: .skipped, errorMessage: nil),
                "status": PackageVersionFailure(errorCode: .mismatchedStatus, errorMessage: "is Archived"),
                "revision": PackageVersionFailure(errorCode: .mismatchedRevision, errorMessage: "is R2"),
                "exists": PackageVersionFailure(errorCode: .alreadyExists, errorMessage: "already"),
                "denied": PackageVersionFailure(errorCode: .notAllowed, errorMessage: nil),
                "new": PackageVersionFailure(rawErrorCode: "SOMETHING_NEW", errorMessage: "later"),
            ]),
        httpStatus: 200, requestID: "req")

    @Test(arguments: [
        ("ok", VersionOutcome.done(revision: "R")),
        ("no-revision", .done(revision: nil)),
        ("gone", .absent),
        ("skipped", .retryable(code: "SKIPPED", message: "")),
        ("status", .changed(code: "MISMATCHED_STATUS", message: "is Archived")),
        ("revision", .changed(code: "MISMATCHED_REVISION", message: "is R2")),
        ("exists", .failed(code: "ALREADY_EXISTS", message: "already")),
        ("denied", .failed(code: "NOT_ALLOWED", message: "")),
        ("new", .failed(code: "SOMETHING_NEW", message: "later")),
        ("unmentioned", .retryable(code: "NOT_ANSWERED", message: "the answer did not mention this version")),
    ])
    func eachVersionIsClassifiedOnce(version: String, outcome: VersionOutcome) {
        #expect(Self.output.outcome(of: version) == outcome)
    }

    @Test func aSuccessWinsOverAFailureOfTheSameVersion() {
        let both = PackageVersionsOutput(
            result: PackageVersionsResult(successfulVersions: ["1": SuccessfulPackageVersion(revision: "R", status: .archived)],
                                          failedVersions: ["1": PackageVersionFailure(errorCode: .notFound, errorMessage: nil)]),
            httpStatus: 200, requestID: nil)
        #expect(both.outcome(of: "1") == .done(revision: "R"))
    }

    @Test func absentMapsReadAsEmpty() {
        let empty = PackageVersionsOutput(result: PackageVersionsResult(), httpStatus: 200, requestID: nil)
        #expect(empty.successfulVersions.isEmpty && empty.failedVersions.isEmpty)
        #expect(empty.outcome(of: "1") == .retryable(code: "NOT_ANSWERED", message: "the answer did not mention this version"))
    }
}
