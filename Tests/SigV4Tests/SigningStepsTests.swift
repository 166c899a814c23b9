import Foundation
import SigV4
import Testing

/// Pins the intermediate values of one signing and how they hang together: the string to sign
/// names the time, the scope and the canonical request's digest, and the signed request carries
/// the date, the token and the authorization built from them.
@Suite struct SigningStepsTests {
    static func steps(token: String? = "SESSIONTOKENEXAMPLE") -> SigningSteps {
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: SigV4SignerTests.credentials.secretAccessKey,
                                      sessionToken: token)
        return SigV4Signer(credentials: credentials, region: "us-east-1", service: "codeartifact", clock: .fixed(.distantPast))
            .steps(for: SigV4SignerTests.request(), at: SigV4SignerTests.date)
    }

    @Test func theStringToSignNamesTimeScopeAndCanonicalDigest() {
        let steps = Self.steps()
        let digest = SigV4Signer.hexSHA256(Array(steps.canonicalRequest.utf8))
        #expect(steps.stringToSign == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/codeartifact/aws4_request\n\(digest)")
        #expect(steps.canonicalRequest.hasPrefix("POST\n/v1/package/versions/delete\ndomain=acme&package=a%20b%2Bc%40d~e\n"))
        #expect(steps.canonicalRequest.hasSuffix(SigV4Signer.hexSHA256(SigV4SignerTests.request().body)))
    }

    @Test func theSignedRequestCarriesWhatWasSigned() {
        let steps = Self.steps()
        #expect(steps.signature.count == 64 && steps.signature.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(steps.authorization.signature == steps.signature)
        #expect(steps.authorization.signedHeaders == ["content-type", "host", "x-amz-date", "x-amz-security-token"])
        #expect(steps.signedRequest.header("Authorization") == steps.authorization.rendered)
        #expect(steps.signedRequest.header("X-Amz-Date") == "20150830T123600Z")
        #expect(steps.signedRequest.header("X-Amz-Security-Token") == "SESSIONTOKENEXAMPLE")
        #expect(steps.signedRequest.body == SigV4SignerTests.request().body)
    }

    @Test func withoutATokenNoneIsSentOrSigned() {
        let steps = Self.steps(token: nil)
        #expect(steps.signedRequest.header("X-Amz-Security-Token") == nil)
        #expect(steps.authorization.signedHeaders == ["content-type", "host", "x-amz-date"])
        #expect(steps != Self.steps())
        #expect(Self.steps(token: nil) == steps, "signing is deterministic")
    }
}
