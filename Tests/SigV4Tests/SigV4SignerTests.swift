import Foundation
import SigV4
import Testing

/// Pins signing: the headers a signature adds and replaces, what is left unsigned, and descriptions that never show secrets.
@Suite struct SigV4SignerTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let credentials = Credentials(accessKeyID: "AKIDEXAMPLE",
                                         secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                         sessionToken: "SESSIONTOKENEXAMPLE")

    static func request() -> SigningRequest {
        SigningRequest(method: "POST", path: "/v1/package/versions/delete",
                       query: [QueryParameter("domain", "acme"), QueryParameter("package", "a b+c@d~e")],
                       headers: [HeaderField("Host", "codeartifact.us-east-1.amazonaws.com"),
                                 HeaderField("Content-Type", "application/json")],
                       body: Array(#"{"versions":["1.0.0"]}"#.utf8))
    }

    @Test func signAddsDateTokenAndAuthorization() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "codeartifact",
                                 clock: .fixed(Self.date))
        let signed = signer.sign(Self.request())
        #expect(signed.header("x-amz-date") == "20150830T123600Z")
        #expect(signed.header("x-amz-security-token") == "SESSIONTOKENEXAMPLE")
        let authorization = try #require(signed.header("authorization").flatMap(AuthorizationHeader.init(parsing:)))
        #expect(authorization.accessKeyID == "AKIDEXAMPLE")
        #expect(authorization.scope == CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact"))
        #expect(authorization.signedHeaders == ["content-type", "host", "x-amz-date", "x-amz-security-token"])
        // Signing twice replaces, never duplicates, the signing headers.
        let again = signer.sign(signed)
        #expect(again.headerValues("authorization").count == 1)
        #expect(again.header("authorization") == signed.header("authorization"))
    }

    @Test func userAgentIsNotSigned() {
        var request = Self.request()
        request.headers.append(HeaderField("User-Agent", "cabatch/1.0"))
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "codeartifact",
                                 clock: .fixed(Self.date))
        #expect(signer.sign(request).header("authorization") == signer.sign(Self.request()).header("authorization"))
    }

    @Test func descriptionsNeverShowSecrets() {
        let text = "\(Self.credentials) \(String(reflecting: Self.credentials))"
        #expect(!text.contains(Self.credentials.secretAccessKey))
        #expect(!text.contains("SESSIONTOKENEXAMPLE"))
        #expect(text.contains("AKIDEXAMPLE"))
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "codeartifact",
                                 clock: .fixed(Self.date))
        let steps = signer.steps(for: Self.request(), at: Self.date)
        #expect(!steps.authorization.redacted.contains(steps.signature))
        #expect(steps.authorization.redacted.hasSuffix("Signature=<redacted>"))
    }
}
