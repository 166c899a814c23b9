@testable import SigV4
import Testing

/// Step 1, the canonical request the signer signs and the verifier recomputes, on requests the
/// AWS suite does not cover.
@Suite struct CanonicalRequestTests {
    static let payloadHash = SigV4Signer.hexSHA256([])

    static func request(method: String = "POST", path: String = "/", query: [QueryParameter] = [],
                        headers: [HeaderField] = []) -> SigningRequest {
        SigningRequest(method: method, path: path, query: query,
                       headers: [HeaderField("Host", "example.amazonaws.com"), HeaderField("X-Amz-Date", "20260101T000000Z")] + headers)
    }

    /// The canonical request of `lines` (method, path, query, header lines…, signed list) and the empty payload's hash.
    static func expected(_ lines: [String]) -> String {
        (lines + [payloadHash]).joined(separator: "\n")
    }

    static let cases: [(String, SigningRequest, [String], String)] = [
        ("unsorted, repeated and encoded query",
         request(query: [QueryParameter("b", "x y"), QueryParameter("a", "2"), QueryParameter("a", "1"),
                         QueryParameter("ü", "é/+~"), QueryParameter("", ""), QueryParameter("a*", "%")]), ["host"],
         expected(["POST", "/", "=&%C3%BC=%C3%A9%2F%2B~&a=1&a=2&a%2A=%25&b=x%20y", "host:example.amazonaws.com", "", "host"])),
        ("dot segments and slashes", request(path: "/a/./b/../c//d/"), ["host"],
         expected(["POST", "/a/c/d/", "", "host:example.amazonaws.com", "", "host"])),
        ("empty path", request(path: ""), ["host"], expected(["POST", "/", "", "host:example.amazonaws.com", "", "host"])),
        ("above the root", request(path: "/../.."), ["host"], expected(["POST", "/", "", "host:example.amazonaws.com", "", "host"])),
        ("encoded path", request(path: "/a b/ü/%2F/~x"), ["host"],
         expected(["POST", "/a%20b/%C3%BC/%252F/~x", "", "host:example.amazonaws.com", "", "host"])),
        ("relative path", request(path: "a/b/"), ["host"], expected(["POST", "/a/b/", "", "host:example.amazonaws.com", "", "host"])),
        ("lower-case method", request(method: "post"), ["host"], expected(["POST", "/", "", "host:example.amazonaws.com", "", "host"])),
        ("repeated header and white space",
         request(headers: [HeaderField("X-Custom", "  a   b  "), HeaderField("x-custom", "\tc\n d"), HeaderField("X-CUSTOM", "")]),
         ["host", "x-custom"], expected(["POST", "/", "", "host:example.amazonaws.com", "x-custom:a b,c d,", "", "host;x-custom"])),
        ("CR LF folds like any white space", request(headers: [HeaderField("X-Folded", "a\r\n b \r c")]), ["x-folded"],
         expected(["POST", "/", "", "x-folded:a b c", "", "x-folded"])),
        ("white space around non-ASCII", request(headers: [HeaderField("X-Name", " é \u{301}  x ")]), ["x-name"],
         expected(["POST", "/", "", "x-name:é \u{301} x", "", "x-name"])),
        ("Kelvin sign lower-cases to k", request(headers: [HeaderField("\u{212A}ey", "v")]), ["key"],
         expected(["POST", "/", "", "key:v", "", "key"])),
        ("signed names as given, missing ones empty", request(), ["HOST", "x-missing", "X-Amz-Date"],
         expected(["POST", "/", "", "HOST:example.amazonaws.com", "x-missing:", "X-Amz-Date:20260101T000000Z", "",
                   "HOST;x-missing;X-Amz-Date"])),
        ("non-ASCII signed name", request(headers: [HeaderField("Ünï", "v")]), ["ünï"], expected(["POST", "/", "", "ünï:v", "", "ünï"])),
        ("no signed headers", request(), [], expected(["POST", "/", "", "", ""])),
    ]

    @Test(arguments: cases)
    func isSigV4sCanonicalForm(name: String, request: SigningRequest, signedHeaders: [String], expected: String) {
        let text = SigV4Signer.canonicalRequest(request, signedHeaders: signedHeaders, payloadHash: Self.payloadHash)
        #expect(text == expected, "\(name)")
    }

    @Test func pathsAreKeptAsTheyAreWithoutNormalizing() {
        for (path, expected) in [("/a/./b//c/..", "/a/./b//c/.."), ("", "/"), ("/a b", "/a%20b")] {
            let text = SigV4Signer.canonicalRequest(Self.request(path: path), signedHeaders: [], payloadHash: Self.payloadHash,
                                                    normalizesPath: false)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[1] == expected[...], "\(path)")
        }
    }
}
