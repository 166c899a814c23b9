import Foundation
import JSONLines
import TestSupport
import Testing

/// Pins the append-only file: created when absent, appended to, cut back to a known length on reopening.
@Suite struct AppendFileTests {
    @Test func createsAndAppends() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("log.jsonl")
        let file = try AppendFile(path: path)
        #expect(try file.size() == 0)
        try file.write(Array("one\n".utf8))
        try file.write(Array("two\n".utf8))
        #expect(try file.size() == 8)
        file.close()
        let again = try AppendFile(path: path)
        try again.write(Array("three\n".utf8))
        again.close()
        #expect(try dir.read("log.jsonl") == Array("one\ntwo\nthree\n".utf8))
    }

    @Test func reopeningCutsBackToTheGivenLength() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("log.jsonl", Array("kept\ntorn li".utf8))
        let file = try AppendFile(path: path, truncatingTo: 5)
        #expect(try file.size() == 5)
        try file.write(Array("next\n".utf8))
        file.close()
        #expect(try dir.read("log.jsonl") == Array("kept\nnext\n".utf8))
    }

    @Test func failuresNameTheFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("missing/log.jsonl")
        let error = #expect(throws: FileError.self) { _ = try AppendFile(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.file == path)
        let closed = try AppendFile(path: dir.file("log.jsonl"))
        closed.close()
        let writing = #expect(throws: FileError.self) { try closed.write(Array("x".utf8)) }
        #expect(writing?.code == .writeFailed)
        #expect(writing?.file == dir.file("log.jsonl"))
    }
}
