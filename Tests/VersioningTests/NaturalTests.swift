@testable import Versioning
import Testing

/// Pins `Natural`, the numbers of any size pypi, maven and ruby compare, and the small helpers
/// the parsers share: three-way comparison, ASCII classes and splitting that keeps empty pieces.
@Suite struct NaturalTests {
    static func natural(_ digits: String) -> Natural { Natural(asciiDigits: Array(digits.utf8)) }

    @Test func leadingZerosAreDropped() {
        #expect(Self.natural("000123") == Natural(123))
        #expect(Self.natural("000123").description == "123")
        #expect(Self.natural("000").isZero && Self.natural("0") == .zero && Self.natural("").isZero)
        #expect(Natural.zero.description == "0")
        #expect(Natural(digitValues: [0, 0, 4, 2]) == Natural(42))
        #expect(!Natural(7).isZero)
    }

    @Test func numbersOrderByValueAtAnySize() {
        let sorted = ["0", "9", "10", "99", "100", "18446744073709551615", "18446744073709551616", "99999999999999999999999"]
            .map(Self.natural)
        #expect(sorted.shuffled().sorted() == sorted)
        #expect(Natural(UInt64.max) == Self.natural("18446744073709551615"))
        #expect(Natural(UInt64.max) < Self.natural("018446744073709551616"))
        #expect(Self.natural("20190126").description == "20190126")
        #expect(Set([Self.natural("7"), Self.natural("07"), Natural(7)]).count == 1)
    }

    @Test func threeWayComparesValuesAndSequences() {
        #expect(threeWay(1, 2) == -1 && threeWay(2, 2) == 0 && threeWay(3, 2) == 1)
        #expect(threeWay([1, 2], [1, 2, 3]) == -1)
        #expect(threeWay([1, 3], [1, 2, 3]) == 1)
        #expect(threeWay(Array("abc".utf8), Array("abc".utf8)) == 0)
        #expect(threeWay(Array("B".utf8), Array("a".utf8)) == -1, "bytes, not letters")
    }

    @Test func asciiClassesAreASCIIOnly() {
        let bytes = Array("09azAZ-_.~".utf8) + [0xC3, 0xA9]
        #expect(bytes.map(\.isASCIIDigit) == [true, true, false, false, false, false, false, false, false, false, false, false])
        #expect(bytes.map(\.isASCIILetter) == [false, false, true, true, true, true, false, false, false, false, false, false])
        #expect(bytes.map(\.isIdentifierCharacter) == [true, true, true, true, true, true, true, false, false, false, false, false])
        #expect(Array("aZ9-".utf8).map(\.asciiUppercased) == Array("AZ9-".utf8))
        #expect(Array("aZ9-".utf8).map(\.asciiLowercased) == Array("az9-".utf8))
        #expect(Array("0123".utf8).isAllASCIIDigits && !Array("01a".utf8).isAllASCIIDigits && [UInt8]().isAllASCIIDigits)
    }

    @Test func splittingKeepsEmptyPieces() {
        #expect(Array("a..b.".utf8).splitKeepingEmpty(UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) } == ["a", "", "b", ""])
        #expect([UInt8]().splitKeepingEmpty(UInt8(ascii: ".")) == [[]])
        #expect(Array("abc".utf8).splitKeepingEmpty(UInt8(ascii: ".")) == [Array("abc".utf8)])
    }
}
