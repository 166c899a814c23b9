import CodeArtifact
import SigV4
import Testing

/// Pins `ServiceResponse`: headers found whatever their case (the first of repeats), the
/// request id from `x-amzn-RequestId` else `x-amz-request-id`, and which statuses succeed.
@Suite struct ServiceResponseTests {
    @Test func headersAndTheRequestID() {
        let response = ServiceResponse(status: 200, headers: [HeaderField("X-Amzn-RequestId", "first"), HeaderField("x-amzn-requestid", "second"),
                                                              HeaderField("x-amz-request-id", "s3-style")], body: [])
        #expect(response.header("x-amzn-requestid") == "first")
        #expect(response.requestID == "first")
        let older = ServiceResponse(status: 200, headers: [HeaderField("X-Amz-Request-Id", "s3-style")], body: [])
        #expect(older.requestID == "s3-style")
        #expect(ServiceResponse(status: 200, headers: [], body: []).requestID == nil)
    }

    @Test func successIsTwoHundredToTwoNinetyNine() {
        #expect([199, 200, 204, 299, 300, 404, 500].map { ServiceResponse(status: $0, headers: [], body: []).isSuccess }
            == [false, true, true, true, false, false, false])
    }
}
