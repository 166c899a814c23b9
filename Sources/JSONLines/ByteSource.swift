import Crypto
import Glibc

/// Reads a file or standard input in large blocks, hashing what it reads, and hands the
/// uncompressed bytes on: zstd when the stream starts with a zstd magic number, plain otherwise.
public final class ByteSource {
    static let blockSize = 1 << 20

    private let input: InputFile
    private let descriptor: Int32

    public init(_ input: InputFile) throws {
        self.input = input
        if input.isStandardInput {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(input.name, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileError.errno(.cannotOpen, file: input.name) }
        }
    }

    deinit { if !input.isStandardInput { close(descriptor) } }

    /// Streams the whole input through `sink`, filling in identity and sizes in `stats`; its sha256
    /// stays empty unless `hashing`.
    public func stream(into stats: inout FileIdentity, hashing: Bool = true, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var hasher = SHA256()
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var decoder: ZstdDecompressor?
        var offset = 0
        var first = true
        while true {
            let count = try block.withUnsafeMutableBytes { try readSome(into: $0, offset: offset) }
            if count == 0 { break }
            try block.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                if hashing { hasher.update(bufferPointer: chunk) }
                if first {
                    first = false
                    if ZstdMagic.isZstd(chunk) {
                        do { decoder = try ZstdDecompressor() } catch {
                            throw FileError(code: .decoderFailed, file: input.name, offset: nil, detail: "\(error)")
                        }
                        stats.compressed = true
                    }
                }
                if let decoder {
                    do {
                        try decoder.decompress(chunk) { out in
                            stats.uncompressedBytes += out.count
                            try sink(out)
                        }
                    } catch let error as ZstdError {
                        throw FileError(code: .corrupt, file: input.name, offset: offset + decoder.consumed,
                                            detail: error.message)
                    }
                } else {
                    stats.uncompressedBytes += count
                    try sink(chunk)
                }
            }
            offset += count
        }
        stats.bytes = offset
        if hashing { stats.sha256 = hasher.finalize().map { String(format2: $0) }.joined() }
        if let decoder, !decoder.isAtFrameBoundary {
            throw FileError(code: .truncated, file: input.name, offset: offset, detail: "")
        }
    }

    /// Fills the block as far as the input allows (pipes deliver small pieces).
    private func readSome(into buffer: UnsafeMutableRawBufferPointer, offset: Int) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.errno(.readFailed, file: input.name, offset: offset + filled)
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}

/// What a file of lines is, as stored: its digest and sizes, recorded where a plan names its
/// manifests.
public struct FileIdentity: Sendable, Hashable {
    public var name: String
    /// SHA-256 of the bytes as stored (compressed or not), lowercase hex.
    public var sha256: String = ""
    /// Size of the file as stored.
    public var bytes: Int = 0
    public var uncompressedBytes: Int = 0
    public var compressed = false

    public init(name: String) { self.name = name }
}

extension String {
    /// Two lowercase hex digits.
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self.init([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
