/// Header names compared as `name.lowercased() == lowered`, by ASCII folding when both names
/// are ASCII (all HTTP lets through), so that a lookup lower-cases nothing.
enum HeaderName {
    static func matches(_ name: String, lowercasedName lowered: String) -> Bool {
        let a = name.utf8, b = lowered.utf8
        var ascii = true
        if a.count == b.count {
            for (x, y) in zip(a, b) {
                if x | y >= 0x80 { ascii = false; break }
                if asciiLower(x) != y { return false }
            }
            if ascii { return true }
        } else if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) {
            return false
        }
        // Unicode case mapping and canonical equivalence can make names of different bytes equal.
        return name.lowercased() == lowered
    }

    /// `name.lowercased()`, by ASCII folding when `name` is ASCII.
    static func lowercased(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) else {
            return name
        }
        return name.lowercased()
    }

    static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
