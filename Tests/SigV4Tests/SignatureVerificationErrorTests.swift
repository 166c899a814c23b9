import Foundation
import Model
import SigV4
import Testing

/// Pins how a refused signature is reported: AWS's error type, status and wording per case, a
/// stable code, and no secret in any message.
@Suite struct SignatureVerificationErrorTests {
    @Test func errorsCarryAWSTypesAndNoSecrets() {
        let errors: [SignatureVerificationError] = [
            .missingAuthorization, .malformedAuthorization, .invalidDate, .unknownAccessKey(accessKeyID: "AKIDX"),
            .clockSkew(requestTime: SigV4SignerTests.date, serverTime: SigV4SignerTests.date.addingTimeInterval(600)),
            .signatureMismatch(canonicalRequest: "POST\n/"),
        ]
        #expect(errors.map(\.awsErrorType) == [
            "MissingAuthenticationTokenException", "IncompleteSignatureException", "IncompleteSignatureException",
            "UnrecognizedClientException", "InvalidSignatureException", "InvalidSignatureException",
        ])
        #expect(errors.map(\.errorType.httpStatus) == [403, 400, 400, 403, 403, 403])
        for error in errors {
            #expect(!error.description.contains(SigV4SignerTests.credentials.secretAccessKey))
        }
        #expect(errors[4].description.hasPrefix("Signature expired: 20150830T123600Z is now earlier or later than 20150830T124600Z"))
    }

    @Test func codesAreStableAndDistinct() {
        let scope = CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact")
        let errors: [SignatureVerificationError] = [
            .missingAuthorization, .malformedAuthorization, .invalidDate, .unknownAccessKey(accessKeyID: "AKIDX"),
            .scopeMismatch(expected: scope, received: scope), .clockSkew(requestTime: Date(), serverTime: Date()),
            .signatureMismatch(canonicalRequest: ""),
        ]
        #expect(errors.map(\.code) == ["missing_authorization", "malformed_authorization", "invalid_date", "unknown_access_key",
                                       "scope_mismatch", "clock_skew", "signature_mismatch"])
        #expect(errors[4].errorType == .invalidSignature && errors[4].awsErrorType == "InvalidSignatureException")
    }

    @Test func aScopeMismatchSaysWhatWasExpected() {
        let error = SignatureVerificationError.scopeMismatch(
            expected: CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact"),
            received: CredentialScope(day: "20150830", region: "eu-west-1", service: "s3"))
        #expect(error.description
            == "Credential should be scoped to region 'us-east-1' and service 'codeartifact', not 'eu-west-1' and 's3'.")
    }

    @Test func aClockSkewQuotesBothTimesToTheSecond() {
        let request = Date(timeIntervalSince1970: 1_440_938_160.999)
        let error = SignatureVerificationError.clockSkew(requestTime: request, serverTime: request.addingTimeInterval(-400))
        #expect(error.description
            == "Signature expired: 20150830T123600Z is now earlier or later than 20150830T122920Z by more than 5 minutes.")
    }

    @Test func theCanonicalRequestIsKeptForTheServerButNotShown() {
        let error = SignatureVerificationError.signatureMismatch(canonicalRequest: "POST\n/\n\nhost:h\n\nhost\nabc")
        #expect(!error.description.contains("POST"))
        #expect(error == .signatureMismatch(canonicalRequest: "POST\n/\n\nhost:h\n\nhost\nabc"))
        #expect(error != .signatureMismatch(canonicalRequest: "GET"))
    }
}
