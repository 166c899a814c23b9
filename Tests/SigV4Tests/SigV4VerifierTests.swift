import Foundation
import SigV4
import Testing

/// Pins verification: signatures accepted within the allowed skew, each refusal as AWS words it, a day's key derived once.
@Suite struct SigV4VerifierTests {
    static let date = SigV4SignerTests.date
    static let secret = SigV4SignerTests.credentials.secretAccessKey

    /// A verifier that knows the signer tests' temporary credentials, session token included.
    func verifier(now: Date = date, keyCache: SigningKeyCache = SigningKeyCache(),
                  known: Credentials = SigV4SignerTests.credentials) -> SigV4Verifier {
        SigV4Verifier(region: "us-east-1", service: "codeartifact", clock: .fixed(now), keyCache: keyCache,
                      keyRing: KeyRing([known]))
    }

    func signed(_ credentials: Credentials = SigV4SignerTests.credentials, region: String = "us-east-1",
                at date: Date = date) -> SigningRequest {
        SigV4Signer(credentials: credentials, region: region, service: "codeartifact", clock: .fixed(date))
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
        // Header names in any case, and an `Authorization` with extra spaces and tabs, as servers receive them.
        var received = signed()
        received.headers = received.headers.map { HeaderField($0.name.lowercased(), $0.value) }
        let value = try #require(received.header("authorization"))
        received.setHeader("AUTHORIZATION", "  " + value.replacingOccurrences(of: ", ", with: " ,\t") + " ")
        #expect(failure(verifier().verify(received)) == nil)
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

        #expect(failure(verifier(now: Self.date.addingTimeInterval(301)).verify(signed())) ==
            .clockSkew(requestTime: Self.date, serverTime: Self.date.addingTimeInterval(301)))
        #expect(failure(verifier().verify(signed(region: "eu-west-1"))) == .scopeMismatch(
            expected: CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact"),
            received: CredentialScope(day: "20150830", region: "eu-west-1", service: "codeartifact")))

        var missing = signed()
        missing.headers.removeAll { $0.name == "Authorization" }
        #expect(failure(verifier().verify(missing)) == .missingAuthorization)

        var malformed = signed()
        malformed.setHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE")
        #expect(failure(verifier().verify(malformed)) == .malformedAuthorization)

        var noDate = signed()
        noDate.headers.removeAll { $0.name == "X-Amz-Date" }
        #expect(failure(verifier().verify(noDate)) == .invalidDate)

        // A date that is not the scope's day, and one that is no date at all.
        var otherDay = signed()
        otherDay.setHeader("X-Amz-Date", "20150831T000000Z")
        #expect(failure(verifier().verify(otherDay)) == .invalidDate)
        var notADate = signed()
        notADate.setHeader("X-Amz-Date", "20150230T123600Z")
        #expect(failure(verifier().verify(notADate)) == .invalidDate)
    }

    @Test func temporaryKeysNeedTheirSessionTokenUntilTheyExpire() {
        let credentials = SigV4SignerTests.credentials
        // Signed with the key pair alone: the signature is right, the token is missing.
        let keyPairOnly = Credentials(accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey)
        #expect(failure(verifier().verify(signed(keyPairOnly))) == .invalidSessionToken)

        // Signed with another token: the signature is right, the token is not the one issued.
        let otherToken = Credentials(accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
                                     sessionToken: "ANOTHERTOKEN")
        #expect(failure(verifier().verify(signed(otherToken))) == .invalidSessionToken)

        // A token sent with long-term keys is refused too.
        #expect(failure(verifier(known: keyPairOnly).verify(signed())) == .invalidSessionToken)
        #expect(failure(verifier(known: keyPairOnly).verify(signed(keyPairOnly))) == nil)

        let expiring = Credentials(accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
                                   sessionToken: credentials.sessionToken, expiration: Self.date.addingTimeInterval(60))
        #expect(failure(verifier(now: Self.date.addingTimeInterval(59), known: expiring).verify(signed())) == nil)
        #expect(failure(verifier(now: Self.date.addingTimeInterval(60), known: expiring).verify(signed())) == .expiredToken)
        #expect(SignatureVerificationError.expiredToken.awsErrorType == "ExpiredTokenException")
        #expect(SignatureVerificationError.invalidSessionToken.awsErrorType == "UnrecognizedClientException")
    }

    @Test func aKeyRingChangesWhatIsAcceptedWhileInUse() {
        let ring = KeyRing()
        let verifier = SigV4Verifier(region: "us-east-1", service: "codeartifact", clock: .fixed(Self.date), keyRing: ring)
        #expect(failure(verifier.verify(signed())) == .unknownAccessKey(accessKeyID: "AKIDEXAMPLE"))
        ring.insert(SigV4SignerTests.credentials)
        #expect(failure(verifier.verify(signed())) == nil)
        ring.remove("AKIDEXAMPLE")
        #expect(failure(verifier.verify(signed())) == .unknownAccessKey(accessKeyID: "AKIDEXAMPLE"))
        // Its rendering names the key ids it holds and nothing secret.
        ring.insert(SigV4SignerTests.credentials)
        var text = "\(ring)"
        dump(ring, to: &text)
        #expect(text.contains("AKIDEXAMPLE"))
        #expect(!text.contains(Self.secret) && !text.contains("SESSIONTOKENEXAMPLE"))
    }

    @Test func aRefusalQuotesTheCanonicalRequest() {
        let signer = SigV4Signer(credentials: SigV4SignerTests.credentials, region: "us-east-1", service: "codeartifact",
                                 clock: .fixed(Self.date))
        let steps = signer.steps(for: SigV4SignerTests.request(), at: Self.date)
        var forged = steps.signedRequest
        forged.setHeader("Authorization", steps.authorization.rendered.replacingOccurrences(of: steps.signature,
                                                                                            with: String(repeating: "0", count: 64)))
        #expect(failure(verifier().verify(forged)) == .signatureMismatch(canonicalRequest: steps.canonicalRequest))
    }

    @Test func aDaysKeyIsDerivedOnce() {
        let cache = SigningKeyCache()
        let verifier = verifier(keyCache: cache)
        for _ in 0..<10 { #expect(failure(verifier.verify(signed())) == nil) }
        #expect(cache.count == 1)
        // The next day's key replaces it.
        let tomorrow = Self.date.addingTimeInterval(86_400)
        #expect(failure(self.verifier(now: tomorrow, keyCache: cache).verify(signed(at: tomorrow))) == nil)
        #expect(cache.count == 1)
    }
}
