import Crypto

/// A SHA-256 fed piece by piece and read as lowercase hex: what plans seal their request lines with.
public struct SHA256Hex {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) } }

    /// The digest of everything fed so far, as 64 lowercase hex digits.
    public func finalize() -> String { hasher.finalize().map { String(format2: $0) }.joined() }

    /// The digest of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        var digest = SHA256Hex()
        digest.update(bytes)
        return digest.finalize()
    }
}
