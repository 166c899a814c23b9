import Manifest

extension Array where Element == UInt8 {
    /// Appends `value` as a JSON string: in one copy when it needs no escaping (every version
    /// string of a valid request), else through `JSONWriter`'s escaping.
    mutating func appendJSONString(_ value: String) {
        var value = value
        let plain = value.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        }
        guard plain else {
            JSONWriter.appendString(value, to: &self)
            return
        }
        append(UInt8(ascii: "\""))
        value.withUTF8 { append(contentsOf: $0) }
        append(UInt8(ascii: "\""))
    }

    /// Appends ASCII punctuation and member names known not to need escaping.
    mutating func appendRaw(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
