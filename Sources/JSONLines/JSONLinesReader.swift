/// Reads a JSON Lines file (zstd or plain) line by line on the calling thread: the plan and
/// journal codecs use it, so every file cabatch reads goes through one reader.
public enum JSONLinesReader {
    /// What a sequential read found, beyond the lines themselves.
    public struct Result: Sendable {
        public var file: FileIdentity
        /// The last line had no newline: for an append-only file, a torn last write.
        public var lastLineUnterminated: Bool
    }

    /// Calls `body` with each line's 1-based number and bytes (without `\n`/`\r\n`);
    /// `nil` bytes mean the line was longer than `maxLineLength` and was not kept. The file's
    /// sha256 is left empty unless `hashing` (journals, read whole on every resume, need none).
    /// `observing` sees every byte of the content (decompressed) before its lines reach `body`:
    /// a plan's seal covers exact bytes, line endings included, which lines no longer show.
    @discardableResult
    public static func forEachLine(
        of input: InputFile,
        maxLineLength: Int = 64 << 20,
        hashing: Bool = true,
        observing: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ body: (Int, UnsafeRawBufferPointer?) throws -> Void
    ) throws -> Result {
        let batcher = LineBatcher(input: 0, firstSequence: 0, maxLineLength: maxLineLength)
        func emit(_ batch: LineBatch) throws {
            try batch.bytes.withUnsafeBytes { raw in
                for (index, span) in batch.spans.enumerated() {
                    if span.length < 0 {
                        try body(batch.firstLine + index, nil)
                    } else {
                        try body(batch.firstLine + index,
                                 UnsafeRawBufferPointer(rebasing: raw[Int(span.start)..<Int(span.start + span.length)]))
                    }
                }
            }
        }
        var stats = FileIdentity(name: input.name)
        let source = try ByteSource(input)
        var lastByte: UInt8?
        try source.stream(into: &stats, hashing: hashing) { chunk in
            if let last = chunk.last { lastByte = last }
            observing?(chunk)
            try batcher.append(chunk, emit: emit)
        }
        try batcher.finish(emit: emit)
        return Result(file: stats, lastLineUnterminated: lastByte != nil && lastByte != 0x0A)
    }
}
