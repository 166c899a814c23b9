import Foundation
import SigV4
import Testing

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

    @Test func encodingKeepsOnlyUnreserved() {
        #expect(URIEncoding.encode("a b+c@d~e%f/ü") == "a%20b%2Bc%40d~e%25f%2F%C3%BC")
        #expect(URIEncoding.encodePath("/a b/c") == "/a%20b/c")
        #expect(URIEncoding.decode("a%20b+c%2B%zz") == "a b+c+%zz")
    }

    @Test func signedBytesAreSentBytes() {
        let request = Self.request()
        #expect(request.encodedPathAndQuery == "/v1/package/versions/delete?domain=acme&package=a%20b%2Bc%40d~e")
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

    @Test func signingKeysAreCachedPerDayRegionService() async {
        let cache = SigningKeyCache()
        let clock = WallClock.fixed(Self.date)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let region = index.isMultiple(of: 2) ? "us-east-1" : "eu-west-1"
                    let signer = SigV4Signer(credentials: Self.credentials, region: region, service: "codeartifact",
                                             clock: clock, keyCache: cache)
                    _ = signer.sign(Self.request())
                }
            }
        }
        #expect(cache.count == 2)
        // A new day replaces the old day's keys.
        let tomorrow = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "codeartifact",
                                   clock: .fixed(Self.date.addingTimeInterval(86_400)), keyCache: cache)
        _ = tomorrow.sign(Self.request())
        #expect(cache.count == 1)
        let cached = tomorrow.signingKey(day: "20150831")
        let derived = SigV4Signer.signingKey(secretAccessKey: Self.credentials.secretAccessKey, day: "20150831",
                                             region: "us-east-1", service: "codeartifact")
        #expect(cached == derived)
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
