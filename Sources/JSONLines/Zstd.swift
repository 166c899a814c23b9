import CZstd

/// An error reported by libzstd, carrying the library's own message.
public struct ZstdError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let message: String

    public var description: String { "zstd \(operation) failed: \(message)" }

    /// The one place libzstd return codes are checked.
    @discardableResult
    static func check(_ code: Int, _ operation: String) throws -> Int {
        if ZSTD_isError(code) != 0 {
            throw ZstdError(operation: operation, message: String(cString: ZSTD_getErrorName(code)))
        }
        return code
    }
}

/// The magic numbers that start a zstd stream: a frame, or a skippable frame.
enum ZstdMagic {
    static func isZstd(_ prefix: some Collection<UInt8>) -> Bool {
        let b = Array(prefix.prefix(4))
        guard b.count == 4 else { return false }
        if b == [0x28, 0xB5, 0x2F, 0xFD] { return true }
        // Skippable frames: 0x184D2A50...0x184D2A5F, little-endian.
        return b[0] & 0xF0 == 0x50 && b[1] == 0x2A && b[2] == 0x4D && b[3] == 0x18
    }
}

/// A streaming zstd decoder: concatenated frames and skippable frames are read as one stream.
final class ZstdDecompressor {
    private let stream: OpaquePointer
    /// The last return of `ZSTD_decompressStream`: 0 only at a frame boundary.
    private var frameRemainder = 0
    private var output: [UInt8]

    init() throws {
        guard let stream = ZSTD_createDStream() else {
            throw ZstdError(operation: "create decoder", message: "out of memory")
        }
        self.stream = stream
        self.output = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        try ZstdError.check(ZSTD_initDStream(stream), "init decoder")
    }

    deinit { ZSTD_freeDStream(stream) }

    /// Bytes of the last input handed to `decompress` that were consumed, for error offsets.
    private(set) var consumed = 0

    /// Whether the input so far ended exactly at the end of a frame.
    var isAtFrameBoundary: Bool { frameRemainder == 0 }

    /// Decodes `input` completely, handing each piece of output to `sink`.
    func decompress(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        let capacity = output.count
        while true {
            var produced = 0
            consumed = inBuffer.pos
            try output.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: capacity, pos: 0)
                defer { consumed = inBuffer.pos }
                frameRemainder = try ZstdError.check(ZSTD_decompressStream(stream, &outBuffer, &inBuffer), "decompress")
                produced = outBuffer.pos
            }
            if produced > 0 {
                try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
            }
            // A full output buffer may hide more buffered output even once the input is consumed.
            if inBuffer.pos == inBuffer.size && produced < capacity { return }
        }
    }
}

/// A streaming zstd encoder writing one frame.
final class ZstdCompressor {
    private let context: OpaquePointer
    private var output: [UInt8]

    init(level: Int32 = 3, workers: Int32 = 0) throws {
        guard let context = ZSTD_createCCtx() else {
            throw ZstdError(operation: "create encoder", message: "out of memory")
        }
        self.context = context
        self.output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level), "set level")
        try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1), "set checksum")
        if workers > 0 {
            // Silently single-threaded when the library was built without threads.
            _ = ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, workers)
        }
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `input`; with `end`, also closes the frame.
    func compress(_ input: UnsafeRawBufferPointer, end: Bool, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        let directive = end ? ZSTD_e_end : ZSTD_e_continue
        let capacity = output.count
        while true {
            var remaining = 0
            var produced = 0
            try output.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: capacity, pos: 0)
                remaining = try ZstdError.check(ZSTD_compressStream2(context, &outBuffer, &inBuffer, directive), "compress")
                produced = outBuffer.pos
            }
            if produced > 0 {
                try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
            }
            let consumed = inBuffer.pos == inBuffer.size
            if end ? remaining == 0 : consumed { return }
        }
    }
}
