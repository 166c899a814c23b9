import Foundation
import JSONLines
import Testing
import TestSupport

@Suite struct AtomicFileTests {
    @Test func appearsWholeOnlyAtCommit() throws {
        let directory = try TemporaryDirectory("atomic")
        let path = try directory.write("state.jsonl", Array("old\n".utf8))
        let file = try AtomicFile(path: path)
        try file.write(Array("new ".utf8))
        try file.write(Array("lines\n".utf8))
        // Until the commit, readers see the old file whole.
        #expect(try directory.read("state.jsonl") == Array("old\n".utf8))
        #expect(FileManager.default.fileExists(atPath: file.partialPath))
        try file.commit()
        #expect(try directory.read("state.jsonl") == Array("new lines\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: file.partialPath))
    }

    @Test func anAbandonedFileLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory("atomic")
        let path = try directory.write("report.md", Array("kept".utf8))
        var partial = ""
        do {
            let file = try AtomicFile(path: path)
            partial = file.partialPath
            try file.write(Array("half a report".utf8))
        }
        #expect(!FileManager.default.fileExists(atPath: partial))
        #expect(try directory.read("report.md") == Array("kept".utf8))
    }

    @Test func failuresNameTheFile() throws {
        let directory = try TemporaryDirectory("atomic")
        let missing = directory.file("no-such-directory/out.jsonl")
        let opening = #expect(throws: FileError.self) { _ = try AtomicFile(path: missing) }
        #expect(opening?.code == .cannotOpen)
        #expect(opening?.file == missing + ".partial")
        // A directory of the same name is there: the rename fails and says where.
        try FileManager.default.createDirectory(atPath: directory.file("taken/inner"), withIntermediateDirectories: true)
        let file = try AtomicFile(path: directory.file("taken"))
        try file.write(Array("x".utf8))
        let renaming = #expect(throws: FileError.self) { try file.commit() }
        #expect(renaming?.code == .writeFailed)
        #expect(renaming?.file == directory.file("taken"))
        #expect(!FileManager.default.fileExists(atPath: file.partialPath))
    }
}
