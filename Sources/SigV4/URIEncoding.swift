/// Percent-encoding as SigV4 needs it: every byte outside RFC 3986's unreserved set is escaped.
///
/// Foundation's URL types leave `+`, `@` and others alone, which the service would then
/// canonicalize differently from us; so the bytes we send are built here and are the bytes we sign.
public enum URIEncoding {
    /// `value` with every UTF-8 byte outside `A-Z a-z 0-9 - . _ ~` escaped as `%XX` (upper-case hex).
    public static func encode(_ value: String) -> String {
        encode(value, keepingSlash: false)
    }

    /// `path` encoded segment by segment, keeping its `/` separators.
    public static func encodePath(_ path: String) -> String {
        encode(path, keepingSlash: true)
    }

    /// `value` with `%XX` escapes decoded; `+` stays `+`, malformed escapes stay as they are.
    public static func decode(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "%")) else { return value }
        return decode(Array(value.utf8))
    }

    /// UTF-8 bytes with `%XX` escapes decoded, as a string (invalid UTF-8 repaired as `String(decoding:)` does).
    static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> String where Bytes.Index == Int {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encode(_ value: String, keepingSlash: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 { appendEncoded(byte, keepingSlash: keepingSlash, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `byte` as it is when unreserved (or a kept `/`), else as `%XX`: for callers that
    /// build a canonical request as bytes.
    public static func appendEncoded(_ byte: UInt8, keepingSlash: Bool, to out: inout [UInt8]) {
        if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
            out.append(byte)
        } else {
            out.append(UInt8(ascii: "%"))
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Whether `byte` is in RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`).
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
