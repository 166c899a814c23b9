import SigV4
import Testing

/// Pins SigV4's percent-encoding: only RFC 3986's unreserved bytes stay, upper-case hex for the
/// rest, slashes kept in paths, and a decoder that undoes it and leaves malformed escapes alone.
@Suite struct URIEncodingTests {
    @Test func encodingKeepsOnlyUnreserved() {
        #expect(URIEncoding.encode("a b+c@d~e%f/ü") == "a%20b%2Bc%40d~e%25f%2F%C3%BC")
        #expect(URIEncoding.encodePath("/a b/c") == "/a%20b/c")
        #expect(URIEncoding.decode("a%20b+c%2B%zz") == "a b+c+%zz")
    }

    static let unreserved = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    @Test func everyByteOutsideTheUnreservedSetIsEscaped() {
        for byte in UInt8.min...UInt8.max {
            #expect(URIEncoding.isUnreserved(byte) == Self.unreserved.contains(byte), "byte \(byte)")
            var out: [UInt8] = []
            URIEncoding.appendEncoded(byte, keepingSlash: false, to: &out)
            let hex = String(byte, radix: 16, uppercase: true)
            let expected = Self.unreserved.contains(byte) ? [byte] : Array("%\(hex.count == 1 ? "0" : "")\(hex)".utf8)
            #expect(out == expected, "byte \(byte)")
            var path: [UInt8] = []
            URIEncoding.appendEncoded(byte, keepingSlash: true, to: &path)
            #expect(path == (byte == UInt8(ascii: "/") ? [byte] : expected), "byte \(byte) in a path")
        }
        #expect(Self.unreserved.count == 66)
    }

    @Test func textIsEncodedAsItsUTF8Bytes() {
        #expect(URIEncoding.encode("é") == "%C3%A9")
        #expect(URIEncoding.encode("😀") == "%F0%9F%98%80")
        #expect(URIEncoding.encode("e\u{301}") == "e%CC%81", "no normalization")
        #expect(URIEncoding.encode("") == "")
        #expect(URIEncoding.encode("\u{0}\n") == "%00%0A")
        #expect(URIEncoding.encodePath("/v1/package/versions/delete") == "/v1/package/versions/delete")
        #expect(URIEncoding.encodePath("//a%2F/") == "//a%252F/")
    }

    @Test func decodingUndoesEncoding() {
        let samples = ["a b+c@d~e%f/ü", "名前 🎉", "100%", "%41", "", "e\u{301}", "\u{0}\u{7F}"]
        for text in samples {
            #expect(URIEncoding.decode(URIEncoding.encode(text)) == text, "\(text)")
            #expect(URIEncoding.decode(URIEncoding.encodePath(text)) == text, "\(text)")
        }
    }

    @Test func malformedEscapesStayAndLowerCaseHexIsRead() {
        #expect(URIEncoding.decode("%c3%a9") == "é")
        #expect(URIEncoding.decode("%") == "%")
        #expect(URIEncoding.decode("%4") == "%4")
        #expect(URIEncoding.decode("a%4") == "a%4")
        #expect(URIEncoding.decode("%%41") == "%A")
        #expect(URIEncoding.decode("%G1%1G") == "%G1%1G")
        #expect(URIEncoding.decode("a+b") == "a+b", "+ is not a space")
        #expect(URIEncoding.decode("%FF%FE") == "\u{FFFD}\u{FFFD}", "invalid UTF-8 is repaired")
    }
}
