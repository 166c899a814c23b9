import TestSupport
import CodeArtifact
import Foundation
import SigV4
import Testing
import Model

/// Pins `DeletePackageVersions`: the request's method, path, query and body as the model places
/// them, and that its answer is the batch operations' per-version result.
@Suite struct DeletePackageVersionsTests {
    static let key = PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store",
                                                format: .npm, namespace: "types", package: "node")

    @Test func deleteRequestPutsMembersWhereTheModelSays() throws {
        let operation = DeletePackageVersions(package: Self.key, versions: ["18.11.9", "1.0.0+build"],
                                              expectedStatus: .published)
        let request = try operation.serviceRequest()
        #expect(request.method == "POST")
        #expect(request.path == "/v1/package/versions/delete")
        let wire = request.wireRequest(endpoint: .codeArtifact(region: "us-east-1"), userAgent: "cabatch/1.2.3")
        #expect(wire.encodedPathAndQuery == "/v1/package/versions/delete?domain=acme&domain-owner=111122223333"
            + "&repository=npm-store&format=npm&namespace=types&package=node")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"expectedStatus":"Published","versions":["18.11.9","1.0.0+build"]}"#)
        #expect(wire.header("host") == "codeartifact.us-east-1.amazonaws.com")
        #expect(wire.header("content-type") == "application/json")
        #expect(wire.header("user-agent") == "cabatch/1.2.3")

        let minimal = DeletePackageVersions(package: PackageKey(domain: "d", repository: "r", format: .pypi,
                                                                            package: "p q"), versions: ["1"])
        let minimalRequest = try minimal.serviceRequest()
        #expect(String(decoding: minimalRequest.body, as: UTF8.self) == #"{"versions":["1"]}"#)
        #expect(minimalRequest.wireRequest(endpoint: .codeArtifact(region: "eu-west-1"), userAgent: "x").encodedPathAndQuery
            == "/v1/package/versions/delete?domain=d&repository=r&format=pypi&package=p%20q")
    }

    @Test func theAnswerIsTheBatchResult() throws {
        let response = ServiceResponse(status: 200, headers: [HeaderField("x-amz-request-id", "r-9")],
                                       body: Array(#"{"failedVersions":{"1":{"errorCode":"SKIPPED"}}}"#.utf8))
        let output = try DeletePackageVersions.decode(response)
        #expect(output == PackageVersionsOutput(
            result: PackageVersionsResult(failedVersions: ["1": PackageVersionFailure(errorCode: .skipped, errorMessage: nil)]),
            httpStatus: 200, requestID: "r-9"))
        #expect(DeletePackageVersions.name == "DeletePackageVersions")
    }
}
