import Foundation
import JSONLines
import TestSupport
import Testing

/// Pins the JSON Lines writer: lines read back plain or zstd, nothing under the name before commit, appended streams read as one.
@Suite struct JSONLinesWriterTests {
    private func lines(_ path: String) throws -> (lines: [String], result: JSONLinesReader.Result) {
        var lines: [String] = []
        let result = try JSONLinesReader.forEachLine(of: InputFile(path)) { _, line in
            lines.append(String(decoding: line!, as: UTF8.self))
        }
        return (lines, result)
    }

    @Test(arguments: [false, true])
    func writtenLinesReadBackAndAppearOnlyWhenCommitted(compressed: Bool) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file(compressed ? "out.jsonl.zst" : "out.jsonl")
        let writer = try JSONLinesWriter(path: path, compressed: compressed)
        var json = JSONWriter()
        json.beginObject()
        json.member("version", "1.0.0")
        json.endObject()
        try writer.write(json)
        try writer.write(line: Array(#"{"n":2}"#.utf8))
        try writer.write(lines: Array("{\"n\":3}\n{\"n\":4}\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path), "nothing under the final name before commit")
        try writer.commit()
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        let read = try lines(path)
        #expect(read.lines == [#"{"version":"1.0.0"}"#, #"{"n":2}"#, #"{"n":3}"#, #"{"n":4}"#])
        #expect(read.result.file.compressed == compressed)
        #expect(!read.result.lastLineUnterminated)
        #expect(read.result.file.sha256 == FileDigest.sha256(path: path))
    }

    @Test func anAbandonedWriterLeavesNothingBehind() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("gone.jsonl")
        do {
            let writer = try JSONLinesWriter(path: path, compressed: false)
            try writer.write(line: Array("{}".utf8))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func appendedStreamsReadOnAsOne() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("joined.zst")
        let head = try JSONLinesWriter(path: path, compressed: true)
        let tail = try JSONLinesWriter(path: dir.file("tail.zst"), compressed: true)
        try tail.write(line: Array("b".utf8))
        try head.write(line: Array("a".utf8))
        try head.append(tail)
        try head.commit()
        #expect(try lines(path).lines == ["a", "b"])
    }
}
