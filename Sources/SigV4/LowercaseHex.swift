/// Lower-case hex, as SigV4 writes digests and signatures.
enum LowercaseHex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func append<D: Sequence>(_ bytes: D, to out: inout [UInt8]) where D.Element == UInt8 {
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
    }

    static func string<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
