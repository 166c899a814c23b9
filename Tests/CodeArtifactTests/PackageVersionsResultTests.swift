import TestSupport
import CodeArtifact
import Foundation
import SigV4
import Testing
import Model

/// Pins how a batch answer's body is read into `PackageVersionsResult`: per-version members,
/// unknown statuses, codes and members kept or ignored rather than failing the batch, and
/// what is refused.
@Suite struct PackageVersionsResultTests {
    @Test func deleteOutputDecodesPerVersionOutcomes() throws {
        let body = #"""
        {"successfulVersions":{"1.0.0":{"revision":"REV1","status":"Deleted"},"2.0.0":{"revision":"REV2","status":"Brand-New"}},
         "failedVersions":{"3.0.0":{"errorCode":"NOT_FOUND","errorMessage":"not here"},
                           "4.0.0":{"errorCode":"MISMATCHED_STATUS","errorMessage":"is Archived"},
                           "5.0.0":{"errorCode":"SOMETHING_NEW"}}}
        """#
        let response = ServiceResponse(status: 200, headers: [HeaderField("x-amzn-RequestId", "r-1")], body: Array(body.utf8))
        let output = try DeletePackageVersions.decode(response)
        #expect(output.httpStatus == 200)
        #expect(output.requestID == "r-1")
        #expect(output.successfulVersions["1.0.0"] == SuccessfulPackageVersion(revision: "REV1", status: .deleted))
        #expect(output.successfulVersions["2.0.0"]?.status == nil)
        #expect(output.failedVersions["3.0.0"]?.code == .notFound)
        #expect(output.failedVersions["3.0.0"]?.errorMessage == "not here")
        #expect(output.failedVersions["4.0.0"]?.code == .mismatchedStatus)
        #expect(output.failedVersions["5.0.0"]?.code == nil)
        #expect(output.failedVersions["5.0.0"]?.errorCode == "SOMETHING_NEW")

        let empty = try DeletePackageVersions.decode(ServiceResponse(status: 200, headers: [], body: Array("{}".utf8)))
        #expect(empty.successfulVersions.isEmpty && empty.failedVersions.isEmpty)
    }

    @Test func aStatusOrMemberFromANewerServiceLosesNothingElse() throws {
        let body = #"{"successfulVersions":{"1.0.0":{"revision":"R","status":"Quarantined","since":1},"1.0.1":{"revision":null,"status":"Deleted"}},"failedVersions":{"2.0.0":{"errorCode":"NOT_FOUND","errorMessage":"gone"}},"extra":[1]}"#
        let output = try DeletePackageVersions.decode(ServiceResponse(status: 200, headers: [], body: Array(body.utf8)))
        #expect(output.successfulVersions == ["1.0.0": SuccessfulPackageVersion(revision: "R", status: nil),
                                              "1.0.1": SuccessfulPackageVersion(revision: nil, status: .deleted)])
        #expect(output.failedVersions == ["2.0.0": PackageVersionFailure(errorCode: .notFound, errorMessage: "gone")])
        #expect(PackageVersionErrorCode.allCases.map(\.rawValue)
            == ["ALREADY_EXISTS", "MISMATCHED_REVISION", "MISMATCHED_STATUS", "NOT_ALLOWED", "NOT_FOUND", "SKIPPED"])
    }

    @Test(arguments: [
        (#"{"successfulVersions":[]}"#, "successfulVersions is not an object"),
        (#"{"successfulVersions":{"1":"Deleted"}}"#, "successfulVersions.1 is not an object"),
        (#"{"successfulVersions":{"1":{"revision":7}}}"#, "successfulVersions.1.revision is not a string"),
        (#"{"failedVersions":{"1":{}}}"#, "failedVersions.1.errorCode is missing"),
        (#"{"failedVersions":{"1":{"errorCode":null}}}"#, "failedVersions.1.errorCode is missing"),
        (#"{"failedVersions":{"1":{"errorCode":"NOT_FOUND","errorMessage":{}}}}"#, "failedVersions.1.errorMessage is not a string"),
        ("[]", "the body is not a JSON object"),
    ])
    func bodiesThatDoNotFitAreNamed(body: String, reason: String) {
        #expect {
            try DeletePackageVersions.decode(ServiceResponse(status: 200, headers: [], body: Array(body.utf8)))
        } throws: { error in
            (error as? ResponseDecodingError)?.reason == reason
        }
    }

    @Test func emptyAndNullMembersAreAbsent() throws {
        for body in ["", #"{"successfulVersions":null,"failedVersions":null}"#] {
            let output = try DeletePackageVersions.decode(ServiceResponse(status: 200, headers: [], body: Array(body.utf8)))
            #expect(output.result == PackageVersionsResult())
        }
        #expect(PackageVersionFailure(rawErrorCode: "SKIPPED", errorMessage: nil) == PackageVersionFailure(errorCode: .skipped, errorMessage: nil))
    }
}
