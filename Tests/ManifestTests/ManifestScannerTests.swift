import Foundation
import Manifest
import TestSupport
import Testing
import JSONLines

@Suite struct ManifestScannerTests {
    /// Scans and returns the valid rows (in order), the rejects and the stats.
    private func scan(_ paths: [String], workers: Int = 2, maxLineLength: Int = 1 << 20) throws
        -> (rows: [ManifestRow], rejects: [Reject], stats: [ManifestStats]) {
        var rows: [ManifestRow] = []
        var rejects: [Reject] = []
        let stats = try ManifestScanner(workers: workers, maxLineLength: maxLineLength).scan(
            paths.map(InputFile.init), transform: { $0 }, consume: { batch in
                rows += batch.partial
                rejects += batch.rejects
            })
        return (rows, rejects, stats)
    }

    @Test func everyRejectKindIsReportedWithItsLineAndTheValidRowsStillCount() throws {
        let dir = try TemporaryDirectory()
        let valid = (0..<50).map { ManifestFixture.line(version: "1.0.\($0)") }
        var lines: [[UInt8]] = valid.map { Array($0.utf8) }
        // Each bad line replaces a valid one at a known line number.
        let bad: [(Int, [UInt8], RejectKind)] = [
            (3, Array(#"{"domain":"acme""#.utf8), .invalidJSON),
            (7, Array(#"{"domain":"acme","repository":"npm-store","format":"npm","package":"p","version":"1"#.utf8) + [0xFF] + Array(#""}"#.utf8), .notUTF8),
            (10, Array("[1]".utf8), .notAnObject),
            (12, Array(#"{"domain":"acme","repository":"npm-store","format":"npm","package":"p"}"#.utf8), .missingMember),
            (15, Array(#"{"domain":"acme","repository":"npm-store","format":"npm","package":"p","version":2}"#.utf8), .wrongType),
            (18, Array(ManifestFixture.line(domain: "x").utf8), .tooShort),
            (21, Array(ManifestFixture.line(version: String(repeating: "1", count: 300)).utf8), .tooLong),
            (24, Array(ManifestFixture.line(package: "a b").utf8), .pattern),
            (27, Array(ManifestFixture.line(format: "rpm").utf8), .unknownFormat),
            (30, Array(ManifestFixture.line(repository: "maven-store", format: "maven").utf8), .namespaceRequired),
            (33, Array(ManifestFixture.line(format: "pypi", namespace: "ns").utf8), .namespaceForbidden),
            (36, Array(repeating: UInt8(ascii: "x"), count: 5000), .lineTooLong),
        ]
        for (line, bytes, _) in bad { lines[line - 1] = bytes }
        let path = try dir.write("mixed.jsonl", Array(lines.joined(separator: [0x0A])) + [0x0A])
        let result = try scan([path], maxLineLength: 4096)
        #expect(result.rejects.map(\.line) == bad.map(\.0))
        #expect(result.rejects.map(\.kind) == bad.map(\.2))
        #expect(result.rejects.allSatisfy { $0.file == path && $0.excerpt.utf8.count <= Reject.excerptLength })
        #expect(result.rows.count == 50 - bad.count)
        #expect(result.stats[0].rows == 50 - bad.count)
        #expect(result.stats[0].rejectCount == bad.count)
        #expect(result.stats[0].lines == 50)
    }

    @Test func lineEndingsBlankLinesAndAMissingFinalNewline() throws {
        let dir = try TemporaryDirectory()
        let text = ManifestFixture.line(version: "1") + "\r\n\r\n   \n" + ManifestFixture.line(version: "2") + "\n\n" + ManifestFixture.line(version: "3")
        let path = try dir.write("endings.jsonl", Array(text.utf8))
        let result = try scan([path])
        #expect(result.rows.map(\.version) == ["1", "2", "3"])
        #expect(result.stats[0].blankLines == 3)
        #expect(result.stats[0].lines == 6)
        #expect(result.rejects.isEmpty)
    }

    @Test func overlongLinesAreRejectedWithoutLosingTheirNeighbours() throws {
        let dir = try TemporaryDirectory()
        // Longer than the reader's block, so the line spans several reads.
        let long = String(repeating: "y", count: (1 << 20) * 3)
        let text = [ManifestFixture.line(version: "1"), long, ManifestFixture.line(version: "2"), long].joined(separator: "\n")
        let path = try dir.write("long.jsonl", Array(text.utf8))
        let result = try scan([path])
        #expect(result.rows.map(\.version) == ["1", "2"])
        #expect(result.rejects.map(\.line) == [2, 4])
        #expect(result.rejects.allSatisfy { $0.kind == .lineTooLong && $0.excerpt == String(repeating: "y", count: 200) })
    }

    @Test func zstdMultiFrameAndSkippableFrames() throws {
        let dir = try TemporaryDirectory()
        let first = try ManifestFixture.zstdFrame(ManifestFixture.text((0..<10).map { ManifestFixture.line(version: "a\($0)") }), in: dir)
        let second = try ManifestFixture.zstdFrame(ManifestFixture.text((0..<10).map { ManifestFixture.line(version: "b\($0)") }), in: dir)
        let bytes = ManifestFixture.skippableFrame([1, 2, 3]) + first + ManifestFixture.skippableFrame(Array(repeating: 9, count: 100)) + second
        let path = try dir.write("frames.jsonl.zst", bytes)
        let result = try scan([path])
        #expect(result.rows.map(\.version) == (0..<10).map { "a\($0)" } + (0..<10).map { "b\($0)" })
        #expect(result.stats[0].compressed)
        #expect(result.stats[0].bytes == bytes.count)
    }

    @Test func detectsZstdByMagicNotByName() throws {
        let dir = try TemporaryDirectory()
        let frame = try ManifestFixture.zstdFrame(ManifestFixture.text([ManifestFixture.line()]), in: dir)
        let path = try dir.write("misnamed.jsonl", frame)
        #expect(try scan([path]).rows.count == 1)
        let plain = try dir.write("plain.jsonl.zst", ManifestFixture.text([ManifestFixture.line()]))
        #expect(try scan([plain]).rows.count == 1)
    }

    @Test func truncatedStreamNamesTheFileAndOffsetAfterReadingWhatCameBefore() throws {
        let dir = try TemporaryDirectory()
        let first = try ManifestFixture.zstdFrame(ManifestFixture.text((0..<5).map { ManifestFixture.line(version: "\($0)") }), in: dir)
        let second = try ManifestFixture.zstdFrame(ManifestFixture.text((5..<500).map { ManifestFixture.line(version: "\($0)") }), in: dir)
        let bytes = first + second.prefix(second.count / 2)
        let path = try dir.write("cut.zst", Array(bytes))
        var rows = 0
        let error = try #require(throws: FileError.self) {
            _ = try ManifestScanner(workers: 2).scan([InputFile(path)], transform: { $0.count }, consume: { rows += $0.partial })
        }
        #expect(error.code == .truncated)
        #expect(error.offset == bytes.count)
        #expect(error.description.contains(path))
        #expect(rows >= 5)
    }

    @Test func corruptStreamIsAnErrorWithAnOffset() throws {
        let dir = try TemporaryDirectory()
        var frame = try ManifestFixture.zstdFrame(ManifestFixture.text((0..<2000).map { ManifestFixture.line(version: "\($0)") }), in: dir)
        for i in stride(from: 20, to: frame.count - 8, by: 7) { frame[i] ^= 0x5A }
        let path = try dir.write("corrupt.zst", frame)
        let error = try #require(throws: FileError.self) { try scan([path]) }
        #expect(error.code == .corrupt)
        #expect(error.offset != nil)
    }

    @Test func emptyFileAndSeveralManifests() throws {
        let dir = try TemporaryDirectory()
        let empty = try dir.write("empty.jsonl", [])
        let one = try dir.write("one.jsonl", ManifestFixture.text([ManifestFixture.line(version: "9")]))
        let result = try scan([empty, one, empty])
        #expect(result.rows.map(\.version) == ["9"])
        #expect(result.stats.map(\.lines) == [0, 1, 0])
        #expect(result.stats[0].sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func missingFileIsAClearError() throws {
        let error = try #require(throws: FileError.self) { try scan(["/nonexistent/m.jsonl"]) }
        #expect(error.code == .cannotOpen)
        #expect(error.description.contains("/nonexistent/m.jsonl"))
    }

    @Test func manyBatchesArriveInFileOrderFromSeveralWorkers() throws {
        let dir = try TemporaryDirectory()
        let lines = (0..<60_000).map { ManifestFixture.line(package: "p\($0 % 97)", version: "\($0)") }
        let path = try dir.write("big.jsonl", ManifestFixture.text(lines))
        let result = try scan([path], workers: 3)
        #expect(result.rows.map(\.version) == (0..<60_000).map(String.init))
    }
}
