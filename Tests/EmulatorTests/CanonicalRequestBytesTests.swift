@testable import Emulator
import SigV4
import Testing

/// The verifier hashes ``CanonicalRequestBytes``: it must be the signer's canonical request, byte for byte.
@Suite struct CanonicalRequestBytesTests {
    static let payloadHash = SigV4Signer.hexSHA256([])

    static func request(method: String = "POST", path: String = "/v1/package/versions/delete",
                        query: [QueryParameter] = EmulatorFixture.query(),
                        headers: [HeaderField] = []) -> SigningRequest {
        SigningRequest(method: method, path: path, query: query,
                       headers: [HeaderField("Host", EmulatorFixture.host), HeaderField("X-Amz-Date", "20260101T000000Z")] + headers)
    }

    static let cases: [(String, SigningRequest, [String])] = [
        ("signed delete", EmulatorFixture().delete(["1.0.0"]), ["content-type", "host", "x-amz-date"]),
        ("unsorted, repeated and encoded query",
         request(query: [QueryParameter("b", "x y"), QueryParameter("a", "2"), QueryParameter("a", "1"),
                         QueryParameter("ü", "é/+~"), QueryParameter("", ""), QueryParameter("a*", "%")]), ["host"]),
        ("dot segments and slashes", request(path: "/a/./b/../c//d/"), ["host"]),
        ("empty path", request(path: ""), ["host"]),
        ("root", request(path: "/"), ["host"]),
        ("above the root", request(path: "/../.."), ["host"]),
        ("encoded path", request(path: "/a b/ü/%2F/~x"), ["host"]),
        ("relative path", request(path: "a/b/"), ["host"]),
        ("lower-case method", request(method: "post"), ["host"]),
        ("non-ASCII method", request(method: "pöst"), ["host"]),
        ("repeated header and white space",
         request(headers: [HeaderField("X-Custom", "  a   b  "), HeaderField("x-custom", "\tc\n d"), HeaderField("X-CUSTOM", "")]),
         ["host", "x-custom", "x-amz-date"]),
        ("CR LF is one Character", request(headers: [HeaderField("X-Folded", "a\r\n b \r c")]), ["x-folded"]),
        ("non-ASCII value", request(headers: [HeaderField("X-Name", " é \u{301}  x ")]), ["x-name"]),
        ("Kelvin sign", request(headers: [HeaderField("\u{212A}ey", "v")]), ["key"]),
        ("upper-case and missing signed names", request(), ["HOST", "x-missing", "X-Amz-Date"]),
        ("non-ASCII signed name", request(headers: [HeaderField("Ünï", "v")]), ["ünï"]),
        ("no signed headers", request(), []),
    ]

    @Test(arguments: cases)
    func equalsTheSignersCanonicalRequest(name: String, request: SigningRequest, signedHeaders: [String]) {
        let bytes = CanonicalRequestBytes.build(request, signedHeaders: signedHeaders, payloadHash: Self.payloadHash)
        let text = SigV4Signer.canonicalRequest(request, signedHeaders: signedHeaders, payloadHash: Self.payloadHash)
        #expect(String(decoding: bytes, as: UTF8.self) == text, "\(name)")
        #expect(bytes == Array(text.utf8), "\(name)")
    }

    @Test(arguments: [
        ("authorization", "authorization"), ("Authorization", "authorization"), ("AUTHORIZATION", "authorization"),
        ("authorizatio", "authorization"), ("x-amz-date", "x-amz-datf"), ("\u{212A}ey", "key"), ("Key", "\u{212A}ey"),
        ("a;b", "a\u{037E}b"), ("İ", "i̇"), ("É", "é"), ("E\u{301}", "é"), ("", ""), ("a", ""),
    ])
    func headerNamesMatchAsLowercasedDoes(name: String, lowered: String) {
        #expect(HeaderName.matches(name, lowercasedName: lowered) == (name.lowercased() == lowered), "\(name) \(lowered)")
        #expect(HeaderName.lowercased(name) == name.lowercased())
    }
}
