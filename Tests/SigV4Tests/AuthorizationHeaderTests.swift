import SigV4
import Testing

/// What `AuthorizationHeader(parsing:)` accepts and reads: the one parser the client's previews
/// and the verifier share.
@Suite struct AuthorizationHeaderTests {
    static let credential = "AKIDEXAMPLE/20260101/us-east-1/codeartifact/aws4_request"
    static let scope = CredentialScope(day: "20260101", region: "us-east-1", service: "codeartifact")

    static func header(_ signedHeaders: [String], _ signature: String, accessKeyID: String = "AKIDEXAMPLE",
                       scope: CredentialScope = scope) -> AuthorizationHeader {
        AuthorizationHeader(accessKeyID: accessKeyID, scope: scope, signedHeaders: signedHeaders, signature: signature)
    }

    @Test(arguments: [
        ("AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=content-type;host;x-amz-date, Signature=abc123",
         header(["content-type", "host", "x-amz-date"], "abc123")),
        // Spaces and tabs around the value and its parts, and runs of them after the algorithm.
        ("  AWS4-HMAC-SHA256 Credential=\(credential) ,\tSignedHeaders=host , Signature=abc\t ", header(["host"], "abc")),
        ("AWS4-HMAC-SHA256  Credential=\(credential),SignedHeaders=host,Signature=abc", header(["host"], "abc")),
        // Empty parts are skipped, leading `=`s of a name dropped, the rest of a value kept.
        ("AWS4-HMAC-SHA256 Credential=\(credential),,, SignedHeaders=host,Signature=abc,", header(["host"], "abc")),
        ("AWS4-HMAC-SHA256 =Credential=\(credential), ==SignedHeaders=host, Signature=abc", header(["host"], "abc")),
        ("AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature==abc", header(["host"], "=abc")),
        // Empty signed header names are dropped, even all of them.
        ("AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=;;, Signature=abc", header([], "abc")),
        ("AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=a;;b;, Signature=abc", header(["a", "b"], "abc")),
        // A repeated part keeps its last value; unknown parts are ignored.
        ("AWS4-HMAC-SHA256 Credential=\(credential), Credential=OTHER/d/r/s/aws4_request, SignedHeaders=host, Signature=abc",
         header(["host"], "abc", accessKeyID: "OTHER", scope: CredentialScope(day: "d", region: "r", service: "s"))),
        ("AWS4-HMAC-SHA256 Credential=\(credential), Foo=bar, SignedHeaders=host, Signature=abc", header(["host"], "abc")),
        ("AWS4-HMAC-SHA256 Credential=AKID///s/aws4_request, SignedHeaders=host, Signature=abc",
         header(["host"], "abc", accessKeyID: "AKID", scope: CredentialScope(day: "", region: "", service: "s"))),
        // Not ASCII: read as UTF-8 bytes.
        ("AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=höst;名, Signature=abc", header(["höst", "名"], "abc")),
    ])
    func reads(value: String, expected: AuthorizationHeader) {
        #expect(AuthorizationHeader(parsing: value) == expected, "\(value)")
        // Rendering reads back the same, but for an empty list, which renders as an empty value.
        if !expected.signedHeaders.isEmpty {
            #expect(AuthorizationHeader(parsing: expected.rendered) == expected, "\(expected.rendered)")
        }
    }

    @Test(arguments: [
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature=",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, ==",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host, Signature=abc, ,",
        "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=\(credential), Foo, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/d/r/s, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/d/r/s/x/aws4_request, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/d/r/s/aws4_requestX, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=/d/r/s/aws4_request, SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256Credential=\(credential), SignedHeaders=host, Signature=abc",
        "aws4-hmac-sha256 Credential=\(credential), SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 ",
        "AWS4-HMAC-SHA256",
        "",
        "Bearer token",
    ])
    func refuses(value: String) {
        #expect(AuthorizationHeader(parsing: value) == nil, "\(value)")
    }
}
