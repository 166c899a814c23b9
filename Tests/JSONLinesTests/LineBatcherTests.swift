import JSONLines
import Testing

/// Pins how a byte stream is cut into lines and batches: both line endings, a last line without
/// one, overlong lines kept only as an excerpt, and the same lines however the stream is split.
@Suite struct LineBatcherTests {
    enum Line: Equatable, CustomStringConvertible {
        case text(String)
        case overlong(excerpt: String)
        var description: String {
            switch self {
            case .text(let t): "text(\(t.debugDescription))"
            case .overlong(let e): "overlong(\(e.count) bytes)"
            }
        }
    }

    /// Feeds `stream` `chunk` bytes at a time; the batches and their lines with their numbers.
    static func cut(_ stream: [UInt8], chunk: Int = 1 << 30, firstSequence: Int = 0, maxLineLength: Int = 1 << 20,
                    targetBytes: Int = 1 << 20) -> (batches: [LineBatch], lines: [(number: Int, line: Line)]) {
        let batcher = LineBatcher(input: 3, firstSequence: firstSequence, maxLineLength: maxLineLength, targetBytes: targetBytes)
        var batches: [LineBatch] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + chunk)
            stream[start..<end].withUnsafeBytes { raw in batcher.append(raw) { batches.append($0) } }
            start = end
        }
        batcher.finish { batches.append($0) }
        var lines: [(Int, Line)] = []
        for batch in batches {
            for (index, span) in batch.spans.enumerated() {
                let line: Line = span.length < 0
                    ? .overlong(excerpt: String(decoding: batch.overlongExcerpts[index] ?? [], as: UTF8.self))
                    : .text(String(decoding: batch.bytes[Int(span.start)..<Int(span.start + span.length)], as: UTF8.self))
                lines.append((batch.firstLine + index, line))
            }
        }
        return (batches, lines)
    }

    static func texts(_ stream: String, chunk: Int = 1 << 30) -> [Line] {
        cut(Array(stream.utf8), chunk: chunk).lines.map(\.line)
    }

    @Test func bothLineEndingsAndALastLineWithoutOne() {
        #expect(Self.texts("a\nb\r\nc") == [.text("a"), .text("b"), .text("c")])
        #expect(Self.texts("a\n") == [.text("a")])
        #expect(Self.texts("\n\r\n") == [.text(""), .text("")])
        #expect(Self.texts("") == [])
        // Only the return just before the newline is part of the ending.
        #expect(Self.texts("a\r\r\nb\rc\n\r") == [.text("a\r"), .text("b\rc"), .text("")])
    }

    @Test func theSameLinesWhereverTheStreamIsSplit() {
        let stream = "{\"a\":1}\r\n\n\u{E9}t\u{E9} \u{1F600}\nlast line without an ending"
        let whole = Self.texts(stream)
        #expect(whole.count == 4)
        for chunk in 1...23 {
            #expect(Self.texts(stream, chunk: chunk) == whole, "chunk \(chunk)")
        }
    }

    @Test func anOverlongLineIsAnExcerptBetweenIntactNeighbours() {
        let long = String(repeating: "y", count: 1000)
        let limit = String(repeating: "z", count: 300)
        let stream = Array("short\n\(long)\n\(limit)\nnext\n\(long)".utf8)
        for chunk in [1, 7, 1 << 30] {
            let lines = Self.cut(stream, chunk: chunk, maxLineLength: 300).lines
            #expect(lines.map(\.number) == [1, 2, 3, 4, 5], "chunk \(chunk)")
            #expect(lines.map(\.line) == [
                .text("short"), .overlong(excerpt: String(repeating: "y", count: LineBatcher.excerptLength)),
                .text(limit), .text("next"), .overlong(excerpt: String(repeating: "y", count: LineBatcher.excerptLength)),
            ], "chunk \(chunk)")
        }
        #expect(LineBatcher.excerptLength == 200)
    }

    @Test func batchesAreNumberedAndTheirLinesContinue() {
        let stream = Array((0..<500).map { "line \($0)\n" }.joined().utf8)
        let (batches, lines) = Self.cut(stream, chunk: 37, firstSequence: 10, targetBytes: 256)
        #expect(batches.count > 10)
        #expect(batches.map(\.sequence) == Array(10..<(10 + batches.count)))
        #expect(batches.allSatisfy { $0.input == 3 })
        var next = 1
        for batch in batches {
            #expect(batch.firstLine == next)
            next += batch.spans.count
        }
        #expect(lines.map(\.number) == Array(1...500))
        #expect(lines.map(\.line) == (0..<500).map { .text("line \($0)") })
    }

    @Test func aBatchClosesAtSixteenThousandLinesWhateverTheirSize() {
        let (batches, lines) = Self.cut([UInt8](repeating: 0x0A, count: 20_000))
        #expect(batches.map(\.spans.count) == [16_384, 3_616])
        #expect(lines.count == 20_000)
    }

    @Test func theNextSequenceFollowsTheBatchesEmitted() {
        let batcher = LineBatcher(input: 0, firstSequence: 4, targetBytes: 8)
        #expect(batcher.nextSequence == 4)
        var emitted = 0
        Array("aaaa\nbbbb\ncccc\nd".utf8).withUnsafeBytes { raw in batcher.append(raw) { _ in emitted += 1 } }
        batcher.finish { _ in emitted += 1 }
        #expect(emitted == 2, "aaaa and bbbb reach the target; cccc and d are what finish hands on")
        #expect(batcher.nextSequence == 4 + emitted)
    }
}
