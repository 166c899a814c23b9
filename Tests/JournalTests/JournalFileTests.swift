import Foundation
import Journal
import TestSupport
import Testing

@Suite struct JournalFileTests {
    private func readAll(_ path: String) throws -> ([JournalRecord], JournalFile.ReadResult) {
        var records: [JournalRecord] = []
        let result = try JournalFile.read(path) { _, record in records.append(record) }
        return (records, result)
    }

    @Test func journalCutAtEveryByteReadsAsAPrefix() throws {
        let dir = try TemporaryDirectory()
        let records = JournalFixture.sample
        let bytes = JournalFixture.bytes(records)
        var lineEnds: [Int] = []
        for (i, b) in bytes.enumerated() where b == 0x0A { lineEnds.append(i + 1) }
        for cut in 0...bytes.count {
            let path = try dir.write("cut.journal", Array(bytes.prefix(cut)))
            let (read, result) = try readAll(path)
            let complete = lineEnds.filter { $0 <= cut }.count
            #expect(read == Array(records.prefix(complete)), "cut at \(cut)")
            #expect(result.validLength == (complete == 0 ? 0 : lineEnds[complete - 1]))
            #expect(result.fileLength == cut)
            #expect((result.tornLine != nil) == (result.validLength < cut))
        }
    }

    @Test func damagedLineFollowedByIntactOnesIsNamed() throws {
        let dir = try TemporaryDirectory()
        var bytes = JournalFixture.bytes(JournalFixture.sample)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        // Line 4 (an answer): change one character of a version inside it.
        let line4 = lineStarts[3]
        let at = bytes[line4...].firstIndex(of: UInt8(ascii: "0"))!
        bytes[at] = UInt8(ascii: "9")
        let path = try dir.write("damaged.journal", bytes)
        #expect { try readAll(path) } throws: { error in
            guard let error = error as? JournalError, case .damaged(_, let line, let reason) = error else { return false }
            return line == 4 && reason.contains("crc mismatch") && error.description.contains("damaged.journal:4")
        }
    }

    @Test func damagedLastLineIsATornTail() throws {
        let dir = try TemporaryDirectory()
        var bytes = JournalFixture.bytes(JournalFixture.sample)
        bytes[bytes.count - 5] ^= 0x01
        let path = try dir.write("tail.journal", bytes)
        let (read, result) = try readAll(path)
        #expect(read.count == JournalFixture.sample.count - 1)
        #expect(result.tornLine == JournalFixture.sample.count)
    }

    @Test func somethingElseIsNotAJournal() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("x.journal", Array("{\"hello\":1}\n{\"hello\":2}\n".utf8))
        #expect { try readAll(path) } throws: { ($0 as? JournalError)?.code == "not-a-journal" }
    }
}
