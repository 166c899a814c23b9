/// Appends compact JSON to a byte buffer with members in the order written, so that the
/// same values always give the same bytes (plans are compared byte for byte).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")) }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")) }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// Writes a member name; the next value written is its value.
    public mutating func key(_ name: String) {
        separator()
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func string(_ value: String) { separator(); Self.appendString(value, to: &bytes) }
    /// A string value from its UTF-8 bytes (invalid UTF-8 is written as it is): for text put
    /// together as bytes, without making a `String` of it.
    public mutating func string(utf8: [UInt8]) {
        separator()
        utf8.withUnsafeBufferPointer { Self.appendQuoted($0, to: &bytes) }
    }
    public mutating func int(_ value: Int) { separator(); bytes.append(contentsOf: String(value).utf8) }
    public mutating func bool(_ value: Bool) { separator(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { separator(); bytes.append(contentsOf: "null".utf8) }
    /// Finite numbers only; JSON has no NaN or infinity.
    public mutating func double(_ value: Double) {
        separator()
        if value.isFinite {
            bytes.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)).utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }
    public mutating func optionalString(_ value: String?) { if let value { string(value) } else { null() } }

    public mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func member(_ name: String, _ value: Double) { key(name); double(value) }
    /// Writes `null` for `nil`, keeping every record's shape the same.
    public mutating func member(_ name: String, _ value: String?) { key(name); optionalString(value) }
    /// Writes nothing for `nil`: for answers that omit absent members, as AWS services do.
    public mutating func memberIfPresent(_ name: String, _ value: String?) { if let value { member(name, value) } }

    /// Writes an arbitrary parsed value back out.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .integer(let i): int(i)
        case .number(let d): double(d)
        case .string(let s): string(s)
        case .array(let items):
            beginArray(); items.forEach { self.value($0) }; endArray()
        case .object(let object):
            beginObject(); for (k, v) in object.members { key(k); self.value(v) }; endObject()
        }
    }

    /// A comma before a value, key or container unless it opens a container or follows a key:
    /// read off the last byte written (a value never ends in `{`, `[` or `:`), which costs less
    /// than keeping a stack of flags for answers written on every request.
    private mutating func separator() {
        guard let last = bytes.last else { return }
        if last != UInt8(ascii: "{") && last != UInt8(ascii: "[") && last != UInt8(ascii: ":") { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether any byte is a control character, `"` or `\`, tested eight bytes at a time: the
    /// emulator's answers and the plans' lines are mostly strings, each scanned before it is copied.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // Nonzero when some byte of `word` is below `n` (n ≤ 128): the high bit of `byte - n` that `byte` lacks.
        func anyBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if anyBelow(word, 0x20) || anyBelow(word ^ (ones &* 0x22), 1) || anyBelow(word ^ (ones &* 0x5C), 1) { return true }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// RFC 8259 string escaping; non-ASCII is written as UTF-8.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted($0, to: &out) }) == nil {
            var value = value
            value.withUTF8 { appendQuoted($0, to: &out) }
        }
    }

    /// UTF-8 bytes as a JSON string, quoted and escaped.
    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: one copy.
        guard needsEscaping(utf8) else {
            out.append(contentsOf: utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
