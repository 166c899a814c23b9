/// The answers of a replay in columns: a few bytes per answer instead of an `AnswerSummary`
/// each, because a journal of millions of versions holds hundreds of thousands of answers.
struct AnswerLog: Sendable {
    private var request: [Int32] = []
    private var attempt: [Int32] = []
    private var run: [Int32] = []
    private var time: [Int64] = []
    private var latency: [Int32] = []
    /// -1: no HTTP response.
    private var status: [Int16] = []
    private var throttled: [Bool] = []
    private var settled: [Int32] = []
    private var deleted: [Int32] = []
    /// `x-amzn-RequestId` values end to end; answer i's starts at `idStarts[i]`, `idLengths[i]` long (-1: none).
    private var idBytes: [UInt8] = []
    private var idStarts: [Int32] = []
    private var idLengths: [Int16] = []
    /// Index into `errors`: answers share their (type, message) pairs.
    private var error: [Int32] = []
    private var errors: [(type: String?, message: String?)] = [(nil, nil)]
    private var errorIndex: [ErrorKey: Int32] = [ErrorKey(type: nil, message: nil): 0]

    private struct ErrorKey: Hashable, Sendable {
        var type: String?
        var message: String?
    }

    var count: Int { request.count }

    mutating func append(_ a: AnswerSummary) {
        request.append(Int32(clamping: a.request))
        attempt.append(Int32(clamping: a.attempt))
        run.append(Int32(clamping: a.run))
        time.append(a.time.millisecondsSinceEpoch)
        latency.append(Int32(clamping: a.latencyMilliseconds))
        status.append(a.httpStatus.map { Int16(clamping: $0) } ?? -1)
        throttled.append(a.throttled)
        settled.append(Int32(clamping: a.settled))
        deleted.append(Int32(clamping: a.deleted))
        idStarts.append(Int32(clamping: idBytes.count))
        if let id = a.serviceRequestId {
            let bytes = id.utf8.prefix(Int(Int16.max))
            idBytes.append(contentsOf: bytes)
            idLengths.append(Int16(bytes.count))
        } else {
            idLengths.append(-1)
        }
        let key = ErrorKey(type: a.errorType, message: a.errorMessage)
        if let index = errorIndex[key] {
            error.append(index)
        } else {
            let index = Int32(errors.count)
            errors.append((a.errorType, a.errorMessage))
            errorIndex[key] = index
            error.append(index)
        }
    }

    /// Counts one more version settled (and perhaps deleted) by answer `i`.
    mutating func addSettled(_ i: Int, deleted isDeleted: Bool) {
        settled[i] += 1
        if isDeleted { deleted[i] += 1 }
    }

    mutating func addDeleted(_ i: Int) { deleted[i] += 1 }

    func latencyMilliseconds(_ i: Int) -> Int { Int(latency[i]) }

    subscript(i: Int) -> AnswerSummary {
        var id: String?
        if idLengths[i] >= 0 {
            let start = Int(idStarts[i])
            id = String(decoding: idBytes[start..<start + Int(idLengths[i])], as: UTF8.self)
        }
        let e = errors[Int(error[i])]
        return AnswerSummary(
            request: Int(request[i]), attempt: Int(attempt[i]), run: Int(run[i]),
            time: Timestamp(millisecondsSinceEpoch: time[i]), latencyMilliseconds: Int(latency[i]),
            httpStatus: status[i] < 0 ? nil : Int(status[i]), serviceRequestId: id, errorType: e.type,
            errorMessage: e.message, throttled: throttled[i], settled: Int(settled[i]), deleted: Int(deleted[i]))
    }
}
