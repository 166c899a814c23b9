/// Reads a JSON line that cabatch wrote, member by member in the order it writes them, straight
/// from its bytes: what plan and journal readers try before a JSON parser, which they fall back to
/// whenever a method here returns `nil` (or `false`) at a byte that is not what was expected.
///
/// Strings with escapes are left to the parser, so every string read here is its bytes as they are.
public struct JSONLineScanner {
    public let bytes: UnsafeRawBufferPointer
    public private(set) var index = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var atEnd: Bool { index == bytes.count }

    /// Skips `text` if the bytes at the cursor are exactly it.
    public mutating func skip(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        let p = text.utf8Start
        for k in 0..<n where bytes[index + k] != p[k] { return false }
        index += n
        return true
    }

    /// A decimal integer as `JSONWriter` writes one: an optional minus, no leading zero, at most 18 digits.
    public mutating func int() -> Int? {
        var k = index
        let negative = k < bytes.count && bytes[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        let first = k
        var value = 0
        while k < bytes.count, bytes[k] >= UInt8(ascii: "0"), bytes[k] <= UInt8(ascii: "9") {
            // Digits past the 18th are only counted (and the number refused below): adding them up could overflow.
            if k - first < 18 { value = value * 10 + Int(bytes[k] - UInt8(ascii: "0")) }
            k += 1
        }
        let digits = k - first
        guard digits >= 1, digits <= 18, digits == 1 || bytes[first] != UInt8(ascii: "0") else { return nil }
        index = k
        return negative ? -value : value
    }

    /// A string without escapes holding valid UTF-8; when not `keep`, checked as such but returned
    /// empty, for readers that need a line's shape and not its lists.
    public mutating func string(keep: Bool = true) -> String? {
        guard let raw = rawString() else { return nil }
        let ascii = !raw.contains(where: { $0 >= 0x80 })
        if !keep && ascii { return "" }
        let text = String(decoding: raw, as: UTF8.self)
        // Decoding repairs invalid UTF-8, which a parser refuses: a repaired string has other bytes.
        if !ascii, !text.utf8.elementsEqual(raw) { return nil }
        return keep ? text : ""
    }

    /// The bytes of a string without escapes or control characters, between its quotes.
    public mutating func rawString() -> UnsafeRawBufferPointer? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var k = index + 1
        while k < bytes.count {
            let byte = bytes[k]
            if byte == UInt8(ascii: "\"") {
                defer { index = k + 1 }
                return UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<k])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            k += 1
        }
        return nil
    }

    /// `null`, as `.some(nil)`, or what `value` reads.
    public mutating func nullable<T>(_ value: (inout JSONLineScanner) -> T?) -> T?? {
        if skip("null") { return .some(nil) }
        guard let v = value(&self) else { return nil }
        return .some(v)
    }

    /// `[` strings separated by commas `]`; when not `keep`, checked but returned empty.
    public mutating func strings(keep: Bool = true) -> [String]? {
        guard skip("[") else { return nil }
        var list: [String] = []
        if skip("]") { return list }
        repeat {
            guard let text = string(keep: keep) else { return nil }
            if keep { list.append(text) }
        } while skip(",")
        return skip("]") ? list : nil
    }
}
