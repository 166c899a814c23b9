/// A non-negative integer of any size, as its decimal digits without leading zeros.
///
/// pypi, maven and ruby compare numbers of any length (Python `int`, Java `BigInteger`, Ruby
/// `Integer`), so a fixed-width integer would misorder or reject versions their tools accept.
struct Natural: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// ASCII digits, no leading zeros; `[]` is zero.
    let digits: [UInt8]

    static let zero = Natural(digits: [])

    private init(digits: [UInt8]) {
        self.digits = digits
    }

    /// `values` are digit values 0...9, most significant first.
    init<S: Sequence<UInt8>>(digitValues values: S) {
        var digits: [UInt8] = []
        for value in values where !(digits.isEmpty && value == 0) {
            digits.append(UInt8(ascii: "0") + value)
        }
        self.init(digits: digits)
    }

    /// `text` must be ASCII digits only.
    init<S: Sequence<UInt8>>(asciiDigits text: S) {
        self.init(digitValues: text.lazy.map { $0 - UInt8(ascii: "0") })
    }

    init(_ value: UInt64) {
        self.init(asciiDigits: Array(String(value).utf8))
    }

    var isZero: Bool { digits.isEmpty }

    var description: String {
        digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
    }

    static func < (lhs: Natural, rhs: Natural) -> Bool {
        lhs.digits.count != rhs.digits.count
            ? lhs.digits.count < rhs.digits.count
            : lhs.digits.lexicographicallyPrecedes(rhs.digits)
    }
}

/// -1, 0 or 1, like Java's `compareTo` and Ruby's `<=>`, so ported comparisons read as upstream's.
@inline(__always)
func threeWay<T: Comparable>(_ lhs: T, _ rhs: T) -> Int {
    lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
}

/// Lexicographic order of byte or code-unit strings, as Java's `String.compareTo`, Python's and
/// Ruby's string comparisons order ASCII text.
@inline(__always)
func threeWay<T: Comparable>(_ lhs: [T], _ rhs: [T]) -> Int {
    for (l, r) in zip(lhs, rhs) where l != r {
        return l < r ? -1 : 1
    }
    return threeWay(lhs.count, rhs.count)
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    /// SemVer's identifier characters: `[0-9A-Za-z-]`.
    var isIdentifierCharacter: Bool { isASCIIAlphanumeric || self == UInt8(ascii: "-") }
    var asciiLowercased: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self }
    var asciiUppercased: UInt8 { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") ? self & ~0x20 : self }
}

extension Array where Element == UInt8 {
    var isAllASCIIDigits: Bool { allSatisfy(\.isASCIIDigit) }

    /// Splits on `separator`, keeping empty pieces (JavaScript's, Rust's and C#'s `split`).
    func splitKeepingEmpty(_ separator: UInt8) -> [[UInt8]] {
        split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
    }
}
