@testable import Journal
import Testing
import Model

/// Intent and answer lines are decoded straight from their bytes when they have the shape `encode`
/// writes; the result must be what the JSON parser makes of the same line.
@Suite struct JournalCodecWrittenTests {
    static let strings = ["1.0.0", "", "1.0.0-beta.1+build.7", "été-ünï", "🎉 party", "a/b@c", "quote\"d",
                          "back\\slash", "tab\there", "line\nbreak", "\u{1}", "Version 2.0 has status Archived"]

    static func needsEscape(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
    }

    static func randomRecord(_ random: inout SplitMix64) -> (JournalRecord, escaped: Bool) {
        var escaped = false
        func pick() -> String {
            let s = strings[Int(random.next() % UInt64(strings.count))]
            if needsEscape(s) { escaped = true }
            return s
        }
        func maybe() -> String? { random.next() % 3 == 0 ? nil : pick() }
        let time = Timestamp(millisecondsSinceEpoch: 1_772_618_400_000 + Int64(random.next() % 10_000_000))
        let request = Int(random.next() % 200_000) + 1, attempt = Int(random.next() % 9) + 1
        let count = Int(random.next() % 5)
        if random.next() % 2 == 0 {
            return (.intent(AttemptIntent(request: request, attempt: attempt, time: time, versions: (0..<count).map { _ in pick() })), escaped)
        }
        let results = (0..<count).map { _ -> VersionResult in
            let version = pick()
            switch random.next() % 5 {
            case 0: return VersionResult(version, .done(revision: maybe()))
            case 1: return VersionResult(version, .absent)
            case 2: return VersionResult(version, .failed(code: pick(), message: pick()))
            default: return VersionResult(version, .retryable(code: pick(), message: pick()))
            }
        }
        let status: Int? = random.next() % 4 == 0 ? nil : [200, 429, 500, 0][Int(random.next() % 4)]
        return (.answer(AttemptAnswer(request: request, attempt: attempt, time: time,
                                      latencyMilliseconds: Int(random.next() % 70_000) - 10, httpStatus: status,
                                      serviceRequestId: maybe(), errorType: maybe(), errorMessage: maybe(),
                                      throttled: random.next() % 2 == 0, results: results)), escaped)
    }

    static func withoutLists(_ record: JournalRecord) -> JournalRecord {
        switch record {
        case .intent(var intent):
            intent.versions = []
            return .intent(intent)
        case .answer(var answer):
            answer.results = []
            return .answer(answer)
        default:
            return record
        }
    }

    @Test func agreesWithTheParser() throws {
        var random = SplitMix64(seed: 17)
        var fast = 0
        for n in 1...3000 {
            let (record, escaped) = Self.randomRecord(&random)
            let sequence = UInt64(n) * 7919
            let line = JournalCodec.encode(record, sequence: sequence)
            try line.withUnsafeBytes { raw in
                let parsed = try JournalCodec.decodeParsed(raw)
                #expect(parsed.sequence == sequence && parsed.record == record)
                let written = JournalCodec.decodeWritten(raw)
                let skimmed = JournalCodec.decodeWritten(raw, lists: false)
                if escaped {
                    #expect(written == nil, "a line with escapes is left to the parser")
                    #expect(skimmed == nil, "lists left out or not, the same lines are left to the parser")
                } else {
                    #expect(written?.sequence == sequence && written?.record == record)
                    #expect(skimmed?.sequence == sequence && skimmed?.record == Self.withoutLists(record))
                    fast += 1
                }
            }
        }
        #expect(fast > 500)
    }

    @Test func otherRecordsAndShapesAreLeftToTheParser() throws {
        let t = Timestamp(millisecondsSinceEpoch: 1_772_618_400_000)
        let others: [JournalRecord] = [
            .header(JournalHeader(planSHA256: String(repeating: "a", count: 64), cabatchVersion: "0.1.0", startTime: t)),
            .runStart(RunStart(time: t, endpoint: "http://127.0.0.1:4566", region: "us-east-1", concurrency: 4, cabatchVersion: "0.1.0")),
            .runEnd(RunEnd(time: t, reason: .completed)),
        ]
        for record in others {
            JournalCodec.encode(record, sequence: 2).withUnsafeBytes { #expect(JournalCodec.decodeWritten($0) == nil) }
        }
        // Valid JSON in another member order (its CRC is not checked here) is not guessed at.
        let reordered = Array(#"{"type":"intent","seq":3,"request":1,"attempt":1,"time":"2026-03-04T10:00:00.000Z","versions":[],"crc":"00000000"}"#.utf8)
        reordered.withUnsafeBytes { #expect(JournalCodec.decodeWritten($0) == nil) }
        // A leading zero or an overlong number is left to the parser too.
        let padded = Array(#"{"seq":03,"type":"intent","request":1,"attempt":1,"time":"2026-03-04T10:00:00.000Z","versions":[],"crc":"00000000"}"#.utf8)
        padded.withUnsafeBytes { #expect(JournalCodec.decodeWritten($0) == nil) }
        // Invalid UTF-8 in a string too: the parser refuses it, the fast path must not repair it.
        let invalid = Array(#"{"seq":3,"type":"intent","request":1,"attempt":1,"time":"2026-03-04T10:00:00.000Z","versions":["1."#.utf8)
            + [0xC3, 0x28] + Array(#""],"crc":"00000000"}"#.utf8)
        invalid.withUnsafeBytes {
            #expect(JournalCodec.decodeWritten($0) == nil && JournalCodec.decodeWritten($0, lists: false) == nil)
        }
    }
}
