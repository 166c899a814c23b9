import Glibc

/// Writes JSON Lines to a file, zstd-compressed or plain, through a large buffer.
///
/// Written as an ``AtomicFile``: the lines appear under `path` only at `commit()`, so that a
/// reader never sees half a file under the final name.
public final class JSONLinesWriter {
    public var path: String { file.path }
    private let file: AtomicFile
    private let compressor: ZstdCompressor?
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20
    /// Whether a zstd frame was begun and not closed; a new file counts as one, so that an empty
    /// compressed file is still one (empty) frame.
    private var frameOpen = true

    /// - Parameter compressed: zstd when `true`; the level favours speed.
    public init(path: String, compressed: Bool, level: Int32 = 3, workers: Int32 = 0) throws {
        file = try AtomicFile(path: path)
        do {
            compressor = compressed ? try ZstdCompressor(level: level, workers: workers) : nil
        } catch {
            throw FileError(code: .decoderFailed, file: path, offset: nil, detail: "\(error)")
        }
        buffer.reserveCapacity(flushThreshold + 4096)
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

    /// Closes this stream's current zstd frame and `other`'s whole stream, then copies `other`'s
    /// bytes after this one's, verbatim: their frames read on as one stream. A plan's header goes
    /// in front of request lines compressed (and digested) before the header could be written.
    /// `other` is finished; its partial file goes when it does.
    public func append(_ other: JSONLinesWriter) throws {
        try flush(end: true)
        try other.flush(end: true)
        let source = open(other.file.partialPath, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw FileError.errno(.cannotOpen, file: other.file.partialPath) }
        defer { close(source) }
        var block = [UInt8](repeating: 0, count: flushThreshold)
        while true {
            let n = block.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.errno(.readFailed, file: other.file.partialPath)
            }
            if n == 0 { break }
            try block.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        frameOpen = false
    }

    /// Finishes the stream, syncs it and renames it to `path`.
    public func commit() throws {
        try flush(end: true)
        try file.commit()
    }

    private func flush(end: Bool) throws {
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        // After appended frames, nothing new: closing would add an empty frame.
        if end && pending.isEmpty && !frameOpen { return }
        try pending.withUnsafeBytes { raw in
            if let compressor {
                try compressor.compress(raw, end: end) { try file.write($0) }
            } else {
                try file.write(raw)
            }
        }
        frameOpen = !end
    }
}
