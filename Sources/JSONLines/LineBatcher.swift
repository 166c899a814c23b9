import Glibc

/// Cuts a stream of bytes into `LineBatch`es: `\n` and `\r\n` endings, a last line without
/// one, and lines over `maxLineLength` reported without ever being held whole.
public final class LineBatcher {
    public static let defaultMaxLineLength = 1 << 20
    /// The first bytes of a line over the limit kept to show where it was.
    public static let excerptLength = 200

    private let input: Int
    private let maxLineLength: Int
    private let targetBytes: Int
    private var sequence: Int
    private var nextLine = 1

    private var bytes: [UInt8] = []
    private var spans: [LineBatch.Span] = []
    private var excerpts: [Int: [UInt8]] = [:]
    /// Start of the line being read, in `bytes`.
    private var lineStart = 0
    /// Inside a line over the limit: its bytes are dropped until the next newline.
    private var skipping = false
    private var skippedExcerpt: [UInt8] = []

    public init(input: Int, firstSequence: Int, maxLineLength: Int = LineBatcher.defaultMaxLineLength, targetBytes: Int = 1 << 20) {
        self.input = input
        self.sequence = firstSequence
        self.maxLineLength = maxLineLength
        self.targetBytes = targetBytes
        bytes.reserveCapacity(targetBytes + 64 * 1024)
    }

    /// The sequence number the next batch (of this or a following manifest) will get.
    public var nextSequence: Int { sequence }

    public func append(_ chunk: UnsafeRawBufferPointer, emit: (LineBatch) throws -> Void) rethrows {
        guard let base = chunk.baseAddress else { return }
        var i = 0
        while i < chunk.count {
            let rest = chunk.count - i
            let newline = memchr(base + i, 0x0A, rest).map { $0 - UnsafeMutableRawPointer(mutating: base) }
            let pieceEnd = newline ?? chunk.count
            let piece = UnsafeRawBufferPointer(rebasing: chunk[i..<pieceEnd])
            if skipping {
                if newline != nil { closeOverlong() }
            } else if bytes.count - lineStart + piece.count > maxLineLength {
                skippedExcerpt = Array((bytes[lineStart...] + piece).prefix(Self.excerptLength))
                bytes.removeSubrange(lineStart...)
                skipping = true
                if newline != nil { closeOverlong() }
            } else {
                bytes.append(contentsOf: piece)
                if newline != nil { closeLine() }
            }
            guard let newline else { return }
            i = newline + 1
            if bytes.count >= targetBytes || spans.count >= 16_384 { try emitBatch(emit) }
        }
    }

    /// Ends the stream: a last line without a newline still counts.
    public func finish(emit: (LineBatch) throws -> Void) rethrows {
        if skipping {
            closeOverlong()
        } else if bytes.count > lineStart {
            closeLine()
        }
        if !spans.isEmpty { try emitBatch(emit) }
    }

    private func closeLine() {
        var end = bytes.count
        if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
        spans.append(LineBatch.Span(start: Int32(lineStart), length: Int32(end - lineStart)))
        lineStart = bytes.count
    }

    private func closeOverlong() {
        excerpts[spans.count] = skippedExcerpt
        spans.append(LineBatch.Span(start: Int32(lineStart), length: -1))
        skipping = false
        skippedExcerpt = []
    }

    private func emitBatch(_ emit: (LineBatch) throws -> Void) rethrows {
        let tail = Array(bytes[lineStart...])
        bytes.removeSubrange(lineStart...)
        let batch = LineBatch(input: input, sequence: sequence, firstLine: nextLine,
                              bytes: bytes, spans: spans, overlongExcerpts: excerpts)
        sequence += 1
        nextLine += spans.count
        bytes = tail
        bytes.reserveCapacity(targetBytes + 64 * 1024)
        spans = []
        excerpts = [:]
        lineStart = 0
        try emit(batch)
    }
}
