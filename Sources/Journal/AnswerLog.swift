import Model
/// The answers of a replay in columns: a few bytes per answer instead of an `AnswerSummary`
/// each, because a journal of millions of versions holds hundreds of thousands of answers.
/// The columns grow in chunks, so that they hold no room for answers that never come.
///
/// An answer's run is not kept here: the replay knows where each run's answers start.
struct AnswerLog: Sendable {
    private var request = ChunkedList<Int32>()
    private var attempt = ChunkedList<Int32>()
    private var time = ChunkedList<Int64>()
    private var latency = ChunkedList<Int32>()
    /// -1: no HTTP response.
    private var status = ChunkedList<Int16>()
    /// `throttledMark`, and what `ids` holds (`uuidMark`, `textMark`, or neither: no request id).
    private var marks = ChunkedList<UInt8>()
    private var settled = ChunkedList<Int32>()
    private var done = ChunkedList<Int32>()
    /// Two words per answer: a request id shaped like a UUID (as the service's are) as its 128 bits,
    /// any other as its number in `strings` in the first word.
    private var ids = ChunkedList<UInt64>()
    /// Index into `errors`: answers share their (type, message) pairs.
    private var error = ChunkedList<Int32>()
    /// Numbers in `strings` plus one; 0 for none.
    private var errors: [(type: UInt32, message: UInt32)] = [(0, 0)]
    private var errorIndex: [UInt64: Int32] = [0: 0]
    private var strings = InternedStrings()

    private static let throttledMark: UInt8 = 1
    private static let uuidMark: UInt8 = 2
    private static let textMark: UInt8 = 4

    var count: Int { request.count }

    mutating func append(_ a: AttemptAnswer) {
        request.append(Int32(clamping: a.request))
        attempt.append(Int32(clamping: a.attempt))
        time.append(a.time.millisecondsSinceEpoch)
        latency.append(Int32(clamping: a.latencyMilliseconds))
        status.append(a.httpStatus.map { Int16(clamping: $0) } ?? -1)
        settled.append(0)
        done.append(0)
        var mark: UInt8 = a.throttled ? Self.throttledMark : 0
        if let id = a.serviceRequestId {
            if let uuid = Self.uuid(id) {
                ids.append(uuid.high)
                ids.append(uuid.low)
                mark |= Self.uuidMark
            } else {
                ids.append(UInt64(strings.intern(String(decoding: id.utf8.prefix(Int(Int16.max)), as: UTF8.self))))
                ids.append(0)
                mark |= Self.textMark
            }
        } else {
            ids.append(0)
            ids.append(0)
        }
        marks.append(mark)
        let type = a.errorType.map { strings.intern($0) + 1 } ?? 0
        let message = a.errorMessage.map { strings.intern($0) + 1 } ?? 0
        let key = UInt64(type) << 32 | UInt64(message)
        if let index = errorIndex[key] {
            error.append(index)
        } else {
            let index = Int32(errors.count)
            errors.append((type, message))
            errorIndex[key] = index
            error.append(index)
        }
    }

    /// Counts one more version settled (and perhaps done) by answer `i`.
    mutating func addSettled(_ i: Int, done isDone: Bool) {
        settled[i] += 1
        if isDone { done[i] += 1 }
    }

    mutating func addDone(_ i: Int) { done[i] += 1 }

    func latencyMilliseconds(_ i: Int) -> Int { Int(latency[i]) }

    /// What throughput charts need of answer `i`, without making its strings.
    func settlement(_ i: Int) -> (time: Timestamp, settled: Int, done: Int) {
        (Timestamp(millisecondsSinceEpoch: time[i]), Int(settled[i]), Int(done[i]))
    }

    /// Answer `i`, which arrived in run `run`.
    func summary(_ i: Int, run: Int) -> AnswerSummary {
        var id: String?
        if marks[i] & Self.uuidMark != 0 {
            id = Self.uuidText(high: ids[2 * i], low: ids[2 * i + 1])
        } else if marks[i] & Self.textMark != 0 {
            id = strings[UInt32(ids[2 * i])]
        }
        let e = errors[Int(error[i])]
        let type: String? = e.type == 0 ? nil : strings[e.type - 1]
        let message: String? = e.message == 0 ? nil : strings[e.message - 1]
        let httpStatus: Int? = status[i] < 0 ? nil : Int(status[i])
        let answer = AttemptAnswer(
            request: Int(request[i]), attempt: Int(attempt[i]), time: Timestamp(millisecondsSinceEpoch: time[i]),
            latencyMilliseconds: Int(latency[i]), httpStatus: httpStatus, serviceRequestId: id, errorType: type,
            errorMessage: message, throttled: marks[i] & Self.throttledMark != 0, results: [])
        return AnswerSummary(answer: answer, run: run, settled: Int(settled[i]), done: Int(done[i]))
    }

    // MARK: - Request ids

    /// The 128 bits of a lowercase `8-4-4-4-12` hex UUID, which gives the same text back; `nil` for any other text.
    static func uuid(_ text: String) -> (high: UInt64, low: UInt64)? {
        var words: (high: UInt64, low: UInt64) = (0, 0)
        var digits = 0
        var position = 0
        for byte in text.utf8 {
            defer { position += 1 }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digits < 16 {
                words.high = words.high << 4 | UInt64(value)
            } else {
                words.low = words.low << 4 | UInt64(value)
            }
            digits += 1
        }
        return position == 36 ? words : nil
    }

    static func uuidText(high: UInt64, low: UInt64) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 35
        for (word, count) in [(low, 16), (high, 16)] {
            var value = word
            for _ in 0..<count {
                if position == 8 || position == 13 || position == 18 || position == 23 { position -= 1 }
                bytes[position] = hex[Int(value & 0xF)]
                value >>= 4
                position -= 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
