import Glibc

/// Writes JSON Lines to a file, zstd-compressed or plain, through a large buffer.
///
/// Written to `PATH.partial` and renamed into place by `commit()`, so that a reader never
/// sees half a file under the final name.
public final class JSONLinesWriter {
    public let path: String
    private let partialPath: String
    private var descriptor: Int32
    private let compressor: ZstdCompressor?
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// - Parameter compressed: zstd when `true`; the level favours speed.
    public init(path: String, compressed: Bool, level: Int32 = 3, workers: Int32 = 0) throws {
        self.path = path
        self.partialPath = path + ".partial"
        descriptor = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ManifestError.errno(.cannotOpen, file: partialPath) }
        do {
            compressor = compressed ? try ZstdCompressor(level: level, workers: workers) : nil
        } catch {
            close(descriptor)
            throw ManifestError(code: .decoderFailed, file: path, offset: nil, detail: "\(error)")
        }
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(partialPath)
        }
    }

    /// Appends one line; `line` must not contain a newline.
    public func write(line: [UInt8]) throws {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= flushThreshold { try flush(end: false) }
    }

    public func write(_ writer: JSONWriter) throws { try write(line: writer.bytes) }

    /// Appends whole lines, each already ending in a newline.
    public func write(lines: [UInt8]) throws {
        buffer.append(contentsOf: lines)
        if buffer.count >= flushThreshold { try flush(end: false) }
    }

    /// Finishes the stream, syncs it and renames it to `path`.
    public func commit() throws {
        try flush(end: true)
        guard fsync(descriptor) == 0 else { throw ManifestError.errno(.readFailed, file: partialPath) }
        close(descriptor)
        descriptor = -1
        guard rename(partialPath, path) == 0 else { throw ManifestError.errno(.cannotOpen, file: path) }
    }

    private func flush(end: Bool) throws {
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        try pending.withUnsafeBytes { raw in
            if let compressor {
                try compressor.compress(raw, end: end) { try writeAll($0) }
            } else {
                try writeAll(raw)
            }
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ManifestError.errno(.readFailed, file: partialPath)
            }
            offset += n
        }
    }
}
