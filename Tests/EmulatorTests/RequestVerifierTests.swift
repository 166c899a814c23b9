import CodeArtifact
@testable import Emulator
import Foundation
import SigV4
import Testing
import Model

/// The emulator's verifier must answer exactly as the `SigV4` target's own `SigV4Verifier`.
@Suite struct RequestVerifierTests {
    static let now = EmulatorFixture.start

    static func cases() -> [(String, SigningRequest)] {
        let fixture = EmulatorFixture()
        var stranger = fixture
        stranger.credentials = Credentials(accessKeyID: "AKIDSTRANGER", secretAccessKey: "x")
        var forger = fixture
        forger.credentials = Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID, secretAccessKey: "x")
        var late = fixture
        late.signedAt = now.addingTimeInterval(-400)
        var elsewhere = fixture
        elsewhere.region = "eu-west-1"
        var unsigned = fixture.delete(["1"])
        unsigned.headers.removeAll { $0.name == "Authorization" }
        var garbled = fixture.delete(["1"])
        garbled.setHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1, Signature=ab")
        var spaced = fixture.delete(["1"])
        spaced.setHeader("Authorization", "  " + (spaced.header("Authorization") ?? "").replacingOccurrences(of: ", ", with: " ,\t") + " ")
        var undated = fixture.delete(["1"])
        undated.headers.removeAll { $0.name == "X-Amz-Date" }
        return [("valid", fixture.delete(["1"])), ("unknown key", stranger.delete(["1"])), ("wrong secret", forger.delete(["1"])),
                ("skew", late.delete(["1"])), ("region", elsewhere.delete(["1"])), ("unsigned", unsigned),
                ("garbled", garbled), ("spaced", spaced), ("undated", undated)]
    }

    @Test func answersAsSigV4Verifier() {
        let reference = SigV4Verifier(region: "us-east-1", service: "codeartifact", clock: .fixed(Self.now)) { key in
            key == EmulatorConfiguration.exampleAccessKeyID ? EmulatorConfiguration.exampleSecretAccessKey : nil
        }
        let verifier = RequestVerifier(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                       secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey,
                                       region: "us-east-1", clock: .fixed(Self.now))
        for (name, request) in Self.cases() {
            #expect(verifier.verify(request) == reference.verify(request), "\(name)")
        }
    }
}

/// The byte parser of `Authorization` must accept and read exactly what `AuthorizationHeader(parsing:)` does.
@Suite struct AuthorizationParsingTests {
    static let credential = "AKIDEXAMPLE/20260101/us-east-1/codeartifact/aws4_request"

    @Test(arguments: [
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=content-type;host;x-amz-date, Signature=abc123",
        "  AWS4-HMAC-SHA256 Credential=\(credential) ,\tSignedHeaders=host , Signature=abc\t ",
        "AWS4-HMAC-SHA256  Credential=\(credential),SignedHeaders=host,Signature=abc",
        "AWS4-HMAC-SHA256 Credential=\(credential),,, SignedHeaders=host,Signature=abc,",
        "AWS4-HMAC-SHA256 =Credential=\(credential), ==SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature==abc",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature=",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, ==",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature=abc, ,",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=;;, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=a;;b;, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=\(credential), Credential=OTHER/d/r/s/aws4_request, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=\(credential), Foo=bar, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=\(credential), Foo, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/d/r/s, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/d/r/s/x/aws4_request, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/d/r/s/aws4_requestX, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=/d/r/s/aws4_request, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID///s/aws4_request, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256Credential=\(credential), SignedHeaders=host, Signature=abc",
        "aws4-hmac-sha256 Credential=\(credential), SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 ",
        "AWS4-HMAC-SHA256",
        "",
        "Bearer token",
    ])
    func readsASCIIAsTheSigV4Parser(value: String) {
        #expect(RequestVerifier.parse(value) == AuthorizationHeader(parsing: value), "\(value)")
    }

    @Test func otherTextGoesThroughCharacters() {
        let value = "AWS4-HMAC-SHA256 Credential=\(Self.credential), SignedHeaders=höst, Signature=abc"
        #expect(RequestVerifier.parse(value) == RequestVerifier.parseCharacters(value))
        #expect(RequestVerifier.parse(value)?.signedHeaders == ["höst"])
    }
}
