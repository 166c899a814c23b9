import Foundation
import SigV4
import Testing

@Suite struct SigV4VerifierTests {
    static let date = SigV4SignerTests.date
    static let secret = SigV4SignerTests.credentials.secretAccessKey

    func verifier(now: Date = date) -> SigV4Verifier {
        let secret = Self.secret
        return SigV4Verifier(region: "us-east-1", service: "codeartifact", clock: .fixed(now)) {
            $0 == "AKIDEXAMPLE" ? secret : nil
        }
    }

    func signed(_ credentials: Credentials = SigV4SignerTests.credentials, region: String = "us-east-1") -> SigningRequest {
        SigV4Signer(credentials: credentials, region: region, service: "codeartifact", clock: .fixed(Self.date))
            .sign(SigV4SignerTests.request())
    }

    func failure(_ result: Result<AuthorizationHeader, SignatureVerificationError>) -> SignatureVerificationError? {
        if case let .failure(error) = result { return error }
        return nil
    }

    @Test func acceptsValidSignature() throws {
        let authorization = try verifier().verify(signed()).get()
        #expect(authorization.accessKeyID == "AKIDEXAMPLE")
        // Within five minutes either way is fine.
        #expect(failure(verifier(now: Self.date.addingTimeInterval(299)).verify(signed())) == nil)
        #expect(failure(verifier(now: Self.date.addingTimeInterval(-299)).verify(signed())) == nil)
    }

    @Test func reportsEachFailure() {
        var tampered = signed()
        tampered.query[1].value = "other"
        #expect(failure(verifier().verify(tampered))?.code == "signature_mismatch")

        var body = signed()
        body.body = Array(#"{"versions":["2.0.0"]}"#.utf8)
        #expect(failure(verifier().verify(body))?.code == "signature_mismatch")

        let wrongSecret = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "not-the-secret")
        #expect(failure(verifier().verify(signed(wrongSecret)))?.code == "signature_mismatch")

        let unknown = Credentials(accessKeyID: "AKIDUNKNOWN", secretAccessKey: Self.secret)
        #expect(failure(verifier().verify(signed(unknown))) == .unknownAccessKey(accessKeyID: "AKIDUNKNOWN"))

        #expect(failure(verifier(now: Self.date.addingTimeInterval(301)).verify(signed()))?.code == "clock_skew")
        #expect(failure(verifier().verify(signed(region: "eu-west-1")))?.code == "scope_mismatch")

        var missing = signed()
        missing.headers.removeAll { $0.name == "Authorization" }
        #expect(failure(verifier().verify(missing)) == .missingAuthorization)

        var malformed = signed()
        malformed.setHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE")
        #expect(failure(verifier().verify(malformed)) == .malformedAuthorization)

        var noDate = signed()
        noDate.headers.removeAll { $0.name == "X-Amz-Date" }
        #expect(failure(verifier().verify(noDate)) == .invalidDate)
    }

    @Test func errorsCarryAWSTypesAndNoSecrets() {
        let errors: [SignatureVerificationError] = [
            .missingAuthorization, .malformedAuthorization, .invalidDate, .unknownAccessKey(accessKeyID: "AKIDX"),
            .clockSkew(requestTime: Self.date, serverTime: Self.date.addingTimeInterval(600)),
            .signatureMismatch(canonicalRequest: "POST\n/"),
        ]
        #expect(errors.map(\.awsErrorType) == [
            "MissingAuthenticationTokenException", "IncompleteSignatureException", "IncompleteSignatureException",
            "UnrecognizedClientException", "InvalidSignatureException", "InvalidSignatureException",
        ])
        for error in errors {
            #expect(!error.description.contains(Self.secret))
        }
    }
}
