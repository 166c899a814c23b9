@testable import SigV4
import Testing

/// Pins header-name matching: equal exactly when `lowercased()` makes them equal, by ASCII
/// folding on the common path and Unicode case mapping otherwise.
@Suite struct HeaderNameTests {
    @Test(arguments: [
        ("authorization", "authorization"), ("Authorization", "authorization"), ("AUTHORIZATION", "authorization"),
        ("authorizatio", "authorization"), ("x-amz-date", "x-amz-datf"), ("\u{212A}ey", "key"), ("Key", "\u{212A}ey"),
        ("a;b", "a\u{037E}b"), ("İ", "i̇"), ("É", "é"), ("E\u{301}", "é"), ("", ""), ("a", ""),
    ])
    func headerNamesMatchAsLowercasedDoes(name: String, lowered: String) {
        #expect(HeaderName.matches(name, lowercasedName: lowered) == (name.lowercased() == lowered), "\(name) \(lowered)")
        #expect(HeaderName.lowercased(name) == name.lowercased())
    }

    @Test func asciiFoldingTouchesOnlyCapitals() {
        for byte in UInt8.min...0x7F {
            let expected = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            #expect(HeaderName.asciiLower(byte) == expected, "byte \(byte)")
        }
        #expect(HeaderName.asciiLower(0xC3) == 0xC3)
        #expect(HeaderName.lowercased("X-Amz-Date") == "x-amz-date")
        #expect(HeaderName.lowercased("already-lower") == "already-lower")
        #expect(HeaderName.lowercased("ÜNÏ") == "ünï")
    }

    @Test func namesOfDifferentLengthsMatchOnlyThroughUnicode() {
        #expect(!HeaderName.matches("host", lowercasedName: "hos"))
        #expect(!HeaderName.matches("Host", lowercasedName: "host "))
        // "İ" (two bytes) lower-cases to "i" and a combining dot above (three bytes).
        #expect(HeaderName.matches("İ", lowercasedName: "i\u{307}"))
        #expect(!HeaderName.matches("host", lowercasedName: "Host"), "the second name is already lower-case")
    }
}
