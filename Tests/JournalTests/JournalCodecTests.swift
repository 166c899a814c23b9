import Journal
import Testing

@Suite struct JournalCodecTests {
    private func decode(_ line: [UInt8]) throws -> (sequence: UInt64, record: JournalRecord) {
        try line.withUnsafeBytes { raw in try JournalCodec.decode(raw) }
    }

    @Test func everyRecordRoundTrips() throws {
        let extra: [JournalRecord] = [
            JournalFixture.answer(3, 2, 9, status: nil, error: "ConnectionReset", [
                VersionResult("4.0.0", .retryable(code: "SKIPPED", message: "skipped")),
                VersionResult("4.0.1", .deleted(revision: nil)),
            ]),
            .runEnd(RunEnd(time: JournalFixture.at(10), reason: .fatalError, message: "ExpiredToken: the token expired")),
        ]
        for (index, record) in (JournalFixture.sample + extra).enumerated() {
            let line = JournalCodec.encode(record, sequence: UInt64(index + 1))
            let decoded = try decode(line)
            #expect(decoded.sequence == UInt64(index + 1))
            #expect(decoded.record == record)
        }
    }

    @Test func crcCoversTheLineWithoutItsCrcMember() throws {
        let line = JournalCodec.encode(JournalFixture.header, sequence: 1)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("{\"seq\":1,\"type\":\"header\",\"format\":\"cabatch-journal\",\"formatVersion\":1,"))
        let crcRange = text.range(of: ",\"crc\":\"")!
        let body = String(text[..<crcRange.lowerBound]) + "}"
        let stored = String(text[crcRange.upperBound...].dropLast(2))
        #expect(CRC32C.hex(CRC32C.checksum(Array(body.utf8))) == stored)
    }

    @Test func everyFlippedByteIsDetected() throws {
        let line = JournalCodec.encode(JournalFixture.sample[3], sequence: 4)
        for offset in line.indices {
            for bit in [0, 3, 7] {
                var damaged = line
                damaged[offset] ^= UInt8(1 << bit)
                #expect(throws: JournalCodec.LineDefect.self) { try decode(damaged) }
            }
        }
    }
}
