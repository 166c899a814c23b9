import Emulator
import Foundation
import Model
import Testing

/// Pins `ServiceException`: its body (message, then only the members it has), the headers
/// clients read the type and `Retry-After` from, and its description.
@Suite struct ServiceExceptionTests {
    @Test func theBodyCarriesOnlyTheMembersItHas() {
        let plain = ServiceException(.internalServer, "An internal error occurred. Try again.")
        #expect(String(decoding: plain.encodedBody(), as: UTF8.self) == #"{"message":"An internal error occurred. Try again."}"#)
        let full = ServiceException(.resourceNotFound, "Repository \"r\" not found", resourceID: "r", resourceType: "repository",
                                    reason: "WHY")
        #expect(String(decoding: full.encodedBody(), as: UTF8.self)
            == #"{"message":"Repository \"r\" not found","resourceId":"r","resourceType":"repository","reason":"WHY"}"#)
    }

    @Test func theResponseNamesTheTypeAndStatus() {
        let response = ServiceException(.throttling, "Rate exceeded", retryAfterSeconds: 3).response(requestID: "req-1")
        #expect(response.status == 429)
        #expect(response.requestID == "req-1")
        #expect(response.header("x-amzn-errortype") == "ThrottlingException")
        #expect(response.header("Retry-After") == "3")
        let denied = ServiceException(.accessDenied, "no").response(requestID: "req-2")
        #expect(denied.status == 403)
        #expect(denied.header("Retry-After") == nil)
        #expect(denied.headers.count == 1)
    }

    @Test(arguments: ServiceErrorType.allCases)
    func everyTypeAnswersWithItsOwnStatus(type: ServiceErrorType) {
        #expect(ServiceException(type, "m").response(requestID: "r").status == type.httpStatus)
    }

    @Test func describesItselfWithTypeAndStatus() {
        #expect(ServiceException(.validation, "bad").description == "ValidationException (HTTP 400): bad")
    }
}
