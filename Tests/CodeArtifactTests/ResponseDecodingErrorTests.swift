import CodeArtifact
import SigV4
import Testing

/// Pins `ResponseDecodingError`: a body that does not fit the model is a transient failure of
/// the request, named after the operation with its status and request id.
@Suite struct ResponseDecodingErrorTests {
    @Test func garbledBodyIsATransientDecodingError() {
        let response = ServiceResponse(status: 200, headers: [HeaderField("x-amzn-RequestId", "r-2")], body: Array("{\"succ".utf8))
        #expect {
            try DeletePackageVersions.decode(response)
        } throws: { error in
            guard let error = error as? ResponseDecodingError else { return false }
            return error.requestID == "r-2" && error.classification.retry == .transient
        }
    }

    @Test func namesTheOperationStatusAndReason() {
        let error = ResponseDecodingError(operation: "ListPackages", httpStatus: 200, requestID: "req-9", reason: "packages is not an array")
        #expect(error.description == "ListPackages answered HTTP 200 (request id req-9) with a body that could not be decoded: packages is not an array")
        #expect(ResponseDecodingError(operation: "X", httpStatus: 201, requestID: nil, reason: "r").description
            == "X answered HTTP 201 with a body that could not be decoded: r")
        #expect(error.code == "response_decoding")
        #expect(error.classification == ErrorClassification(retry: .transient, scope: .request))
    }

    @Test func aWrongMemberIsNamedByItsPath() {
        let response = ServiceResponse(status: 200, headers: [],
                                       body: Array(#"{"failedVersions":{"1":{"errorCode":5}}}"#.utf8))
        #expect {
            try DeletePackageVersions.decode(response)
        } throws: { error in
            (error as? ResponseDecodingError)?.reason == "failedVersions.1.errorCode is not a string"
                && (error as? ResponseDecodingError)?.operation == "DeletePackageVersions"
        }
    }
}
