import Foundation
import JSONLines
import TestSupport
import Testing

/// Pins the one sequential reader: line numbers and bytes, overlong lines as `nil`, a torn last
/// line, the bytes it observes, and the digest it takes or skips.
@Suite struct JSONLinesReaderTests {
    struct Read {
        var lines: [(number: Int, text: String?)] = []
        var observed: [UInt8] = []
        var result: JSONLinesReader.Result?
    }

    static func read(_ path: String, maxLineLength: Int = 64 << 20, hashing: Bool = true) throws -> Read {
        var read = Read()
        read.result = try JSONLinesReader.forEachLine(of: InputFile(path), maxLineLength: maxLineLength, hashing: hashing,
                                                      observing: { read.observed.append(contentsOf: $0) }) { number, line in
            read.lines.append((number, line.map { String(decoding: $0, as: UTF8.self) }))
        }
        return read
    }

    @Test func aTornLastLineIsReported() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("torn.jsonl", Array("{\"a\":1}\n{\"a\"".utf8))
        let read = try Self.read(path)
        #expect(read.lines.map(\.text) == [#"{"a":1}"#, #"{"a""#])
        #expect(read.result?.lastLineUnterminated == true)
    }

    @Test func linesAreNumberedFromOneWithoutTheirEndings() throws {
        let dir = try TemporaryDirectory()
        let text = "a\r\nb\n\n  c  \n"
        let read = try Self.read(try dir.write("m.jsonl", Array(text.utf8)))
        #expect(read.lines.map(\.number) == [1, 2, 3, 4])
        #expect(read.lines.map(\.text) == ["a", "b", "", "  c  "])
        #expect(read.result?.lastLineUnterminated == false)
        // What was observed is every byte, endings included: what a plan's seal covers.
        #expect(read.observed == Array(text.utf8))
    }

    @Test func anOverlongLineIsNilAndKeepsItsNumber() throws {
        let dir = try TemporaryDirectory()
        let text = "one\n" + String(repeating: "x", count: 5000) + "\nthree\n"
        let read = try Self.read(try dir.write("m.jsonl", Array(text.utf8)), maxLineLength: 1000)
        #expect(read.lines.map(\.number) == [1, 2, 3])
        #expect(read.lines.map(\.text) == ["one", nil, "three"])
    }

    @Test func zstdReadsAsThePlainFileDoes() throws {
        let dir = try TemporaryDirectory()
        let content = ManifestFixture.text((0..<2000).map { ManifestFixture.line(version: "1.0.\($0)") })
        let plain = try Self.read(try dir.write("m.jsonl", content))
        let frame = try ManifestFixture.zstdFrame(content, in: dir)
        let zstdPath = try dir.write("m.jsonl.zst", frame)
        let compressed = try Self.read(zstdPath)
        #expect(compressed.lines.map(\.text) == plain.lines.map(\.text))
        #expect(compressed.observed == content, "observers see the decompressed bytes")
        #expect(compressed.result?.file.compressed == true && plain.result?.file.compressed == false)
        #expect(compressed.result?.file.sha256 == FileDigest.sha256(path: zstdPath))
        #expect(compressed.result?.file.bytes == frame.count)
    }

    @Test func theDigestIsTakenOnlyWhenAsked() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("j.journal", Array("{}\n".utf8))
        #expect(try Self.read(path).result?.file.sha256 == SHA256Hex.of(Array("{}\n".utf8)))
        #expect(try Self.read(path, hashing: false).result?.file.sha256 == "")
    }

    @Test func anEmptyFileHasNoLinesAndNoTornLine() throws {
        let dir = try TemporaryDirectory()
        let read = try Self.read(try dir.write("empty.jsonl", []))
        #expect(read.lines.isEmpty)
        #expect(read.result?.lastLineUnterminated == false)
        #expect(read.result?.file.bytes == 0)
    }

    struct Stop: Error {}

    @Test func anErrorFromTheBodyStopsTheRead() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("m.jsonl", ManifestFixture.text((0..<100).map { "\($0)" }))
        var seen = 0
        #expect(throws: Stop.self) {
            try JSONLinesReader.forEachLine(of: InputFile(path)) { number, _ in
                seen = number
                if number == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    @Test func aMissingFileIsAFileError() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: FileError.self) { try Self.read(dir.file("absent.jsonl")) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.file == dir.file("absent.jsonl"))
    }
}
