import Journal
import Testing
import Model

@Suite struct JournalCodecTests {
    private func decode(_ line: [UInt8]) throws -> (sequence: UInt64, record: JournalRecord) {
        try line.withUnsafeBytes { raw in try JournalCodec.decode(raw) }
    }

    @Test func everyRecordRoundTrips() throws {
        let extra: [JournalRecord] = [
            JournalFixture.answer(3, 2, 9, status: nil, error: "ConnectionReset", [
                VersionResult("4.0.0", .retryable(code: "SKIPPED", message: "skipped")),
                VersionResult("4.0.1", .done(revision: nil)),
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

    /// Found by fuzzing journal replay: a line with a valid CRC whose attempt has more digits than
    /// an `Int` holds stopped the reader (an overflow in the fast line decoder) instead of being a defect.
    @Test func numberTooLongForAnIntIsADefectNotACrash() throws {
        // The fuzzer's line, given its CRC member as the harness gave it one.
        let body = #"{"seq":3,"type":"intent","request":1,"attempt":1666666666666666666666666666666666666666666666666,"time":"2026-03-04peabatchVersion":"0.0.0-fuzz","time":"202T10:00:00.002Z","versions":["18.11.s":["18.11.10","18.11.9",":0.1.0"]"#
        let crc = CRC32C.hex(CRC32C.checksum(Array((body + "}").utf8)))
        #expect(throws: JournalCodec.LineDefect.self) { try decode(Array((body + #","crc":"\#(crc)"}"#).utf8)) }
        // A well-formed intent with such an attempt: the same.
        let intent = #"{"seq":2,"type":"intent","request":1,"attempt":99999999999999999999,"time":"2026-03-04T10:00:00.002Z","versions":["1.0.0"]"#
        let intentCRC = CRC32C.hex(CRC32C.checksum(Array((intent + "}").utf8)))
        #expect(throws: JournalCodec.LineDefect.self) { try decode(Array((intent + #","crc":"\#(intentCRC)"}"#).utf8)) }
    }

    /// Format 1 spelled the outcomes `deleted` and `not-found`; a journal begun by that cabatch still resumes.
    @Test func formatOneOutcomesStillRead() throws {
        func sealed(_ body: String) -> [UInt8] {
            let crc = CRC32C.hex(CRC32C.checksum(Array((body + "}").utf8)))
            return Array((body + #","crc":"\#(crc)"}"#).utf8)
        }
        let header = try decode(sealed(#"{"seq":1,"type":"header","format":"cabatch-journal","formatVersion":1,"plan":"ab","cabatchVersion":"0.1.0","time":"2026-01-02T03:04:05.000Z""#))
        guard case .header = header.record else { Issue.record("not a header: \(header.record)"); return }
        // The fast path and, with a space it declines, the parser.
        for gap in ["", " "] {
            let answer = try decode(sealed(#"{"seq":2,"type":"answer","request":1,"attempt":1,"time":"2026-01-02T03:04:06.000Z","latencyMs":5,"httpStatus":200,"serviceRequestId":null,"errorType":null,"errorMessage":null,"throttled":false,"results":[["1.0.0","deleted","r1"],\#(gap)["1.0.1","not-found"]]"#))
            guard case .answer(let a) = answer.record else { Issue.record("not an answer"); return }
            #expect(a.results == [VersionResult("1.0.0", .done(revision: "r1")), VersionResult("1.0.1", .absent)])
        }
        let future = sealed(#"{"seq":1,"type":"header","format":"cabatch-journal","formatVersion":3,"plan":"ab","cabatchVersion":"9.0.0","time":"2026-01-02T03:04:05.000Z""#)
        #expect(throws: JournalCodec.LineDefect.self) { try decode(future) }
    }

    @Test func crcCoversTheLineWithoutItsCrcMember() throws {
        let line = JournalCodec.encode(JournalFixture.header, sequence: 1)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("{\"seq\":1,\"type\":\"header\",\"format\":\"cabatch-journal\",\"formatVersion\":2,"))
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
