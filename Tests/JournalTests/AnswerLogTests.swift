@testable import Journal
import Model
import Testing

/// Pins the answers' column store: every answer comes back as it was appended (without its
/// per-version results), request ids shaped like the service's stored as 128 bits and any other
/// kept as text, and the counts of what each answer settled.
@Suite struct AnswerLogTests {
    static func answer(_ i: Int, id: String?, status: Int? = 200, error: (String?, String?) = (nil, nil),
                       latency: Int = 120, throttled: Bool = false) -> AttemptAnswer {
        AttemptAnswer(request: i + 1, attempt: i % 4 + 1, time: Timestamp(millisecondsSinceEpoch: 1_772_618_400_000 + Int64(i)),
                      latencyMilliseconds: latency, httpStatus: status, serviceRequestId: id, errorType: error.0,
                      errorMessage: error.1, throttled: throttled,
                      results: [VersionResult("1.0.0", .done(revision: nil))])
    }

    static func withoutResults(_ answer: AttemptAnswer) -> AttemptAnswer {
        var answer = answer
        answer.results = []
        return answer
    }

    @Test func answersComeBackAsAppendedWithoutTheirResults() {
        let answers = [
            Self.answer(0, id: "0b6f7c1e-4d2a-4c8e-9f3a-1234567890ab"),
            Self.answer(1, id: "0B6F7C1E-4D2A-4C8E-9F3A-1234567890AB", status: 429, error: ("ThrottlingException", "Rate exceeded"),
                        throttled: true),
            Self.answer(2, id: nil, status: nil, error: ("ConnectionReset", nil), latency: 5000),
            Self.answer(3, id: "", status: 0, error: (nil, "only a message")),
            Self.answer(4, id: "req-4", status: 500, error: ("ThrottlingException", "Rate exceeded")),
        ]
        var log = AnswerLog()
        for answer in answers { log.append(answer) }
        #expect(log.count == 5)
        for (i, answer) in answers.enumerated() {
            let summary = log.summary(i, run: 7)
            #expect(summary.answer == Self.withoutResults(answer), "answer \(i)")
            #expect(summary.run == 7 && summary.settled == 0 && summary.done == 0)
            #expect(log.latencyMilliseconds(i) == answer.latencyMilliseconds)
        }
    }

    @Test func settledAndDoneAreCountedPerAnswer() {
        var log = AnswerLog()
        for i in 0..<3 { log.append(Self.answer(i, id: nil)) }
        log.addSettled(1, done: true)
        log.addSettled(1, done: false)
        log.addSettled(2, done: false)
        log.addDone(2)
        let first = log.settlement(0)
        #expect(first.time == Timestamp(millisecondsSinceEpoch: 1_772_618_400_000) && first.settled == 0 && first.done == 0)
        #expect(log.settlement(1).settled == 2 && log.settlement(1).done == 1)
        #expect(log.summary(2, run: 0).settled == 1 && log.summary(2, run: 0).done == 1)
    }

    /// Past the columns' first chunk of 4096 answers, and with numbers that do not fit a column.
    @Test func manyAnswersAndOutsizedNumbersKeepTheirPlace() {
        var log = AnswerLog()
        for i in 0..<10_000 { log.append(Self.answer(i, id: "id-\(i % 100)", latency: i)) }
        log.append(AttemptAnswer(request: Int.max, attempt: 1, time: Timestamp(millisecondsSinceEpoch: 0),
                                 latencyMilliseconds: Int.max, httpStatus: 70_000, serviceRequestId: nil, results: []))
        #expect(log.summary(4097, run: 0).serviceRequestId == "id-97")
        #expect(log.summary(9_999, run: 0).request == 10_000)
        #expect((0..<10_000).allSatisfy { log.latencyMilliseconds($0) == $0 })
        let outsized = log.summary(10_000, run: 0)
        #expect(outsized.request == Int(Int32.max) && outsized.latencyMilliseconds == Int(Int32.max))
        #expect(outsized.httpStatus == Int(Int16.max))
    }

    @Test func anOverlongRequestIdIsCut() {
        var log = AnswerLog()
        log.append(Self.answer(0, id: String(repeating: "x", count: 40_000)))
        #expect(log.summary(0, run: 0).serviceRequestId == String(repeating: "x", count: Int(Int16.max)))
    }

    @Test func onlyLowercaseUUIDsAreStoredAsBits() throws {
        let words = try #require(AnswerLog.uuid("0b6f7c1e-4d2a-4c8e-9f3a-1234567890ab"))
        #expect(words.high == 0x0b6f_7c1e_4d2a_4c8e && words.low == 0x9f3a_1234_5678_90ab)
        for text in ["0B6F7C1E-4D2A-4C8E-9F3A-1234567890AB", "0b6f7c1e-4d2a-4c8e-9f3a-1234567890a",
                     "0b6f7c1e-4d2a-4c8e-9f3a-1234567890abc", "0b6f7c1e4d2a-4c8e-9f3a-1234567890ab-",
                     "0b6f7c1e-4d2a-4c8e-9f3a_1234567890ab", "0b6f7c1g-4d2a-4c8e-9f3a-1234567890ab", "", "req-1"] {
            #expect(AnswerLog.uuid(text) == nil, "\(text)")
        }
    }

    @Test func uuidBitsGiveTheSameTextBack() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<500 {
            let high = random.next(), low = random.next()
            let text = AnswerLog.uuidText(high: high, low: low)
            #expect(text.count == 36)
            let words = AnswerLog.uuid(text)
            #expect(words?.high == high && words?.low == low)
        }
        #expect(AnswerLog.uuidText(high: 0, low: 0) == "00000000-0000-0000-0000-000000000000")
        #expect(AnswerLog.uuidText(high: .max, low: .max) == "ffffffff-ffff-ffff-ffff-ffffffffffff")
    }
}
