import JSONLines
import Model

extension JournalCodec {
    /// Decodes an intent or answer line in exactly the shape `encode` writes, straight from its
    /// bytes; `nil` for anything else (other records, escaped strings, another member order), which
    /// the JSON parser then decodes.
    ///
    /// Nearly every line of a journal is one of these two, and a JSON tree per line (a value per
    /// version, a list per result) was most of the time `status`, resuming and reports took to read
    /// a journal. `line` is a whole line whose CRC has been checked. Without `lists`, an intent's
    /// versions and an answer's results are checked but left out.
    static func decodeWritten(_ line: UnsafeRawBufferPointer, lists: Bool = true) -> (sequence: UInt64, record: JournalRecord)? {
        guard line.count > crcSuffixLength else { return nil }
        var s = JSONLineScanner(UnsafeRawBufferPointer(rebasing: line[0..<(line.count - crcSuffixLength)]))
        guard s.skip("{\"seq\":"), let seq = s.int(), seq >= 1, s.skip(",\"type\":\"") else { return nil }
        let record: JournalRecord
        if s.skip("intent\",\"request\":") {
            guard let request = s.int(), s.skip(",\"attempt\":"), let attempt = s.int(), s.skip(",\"time\":"),
                  let time = s.time(), s.skip(",\"versions\":"), let versions = s.strings(keep: lists) else { return nil }
            record = .intent(AttemptIntent(request: request, attempt: attempt, time: time, versions: versions))
        } else if s.skip("answer\",\"request\":") {
            guard let request = s.int(), s.skip(",\"attempt\":"), let attempt = s.int(), s.skip(",\"time\":"),
                  let time = s.time(), s.skip(",\"latencyMs\":"), let latency = s.int(), s.skip(",\"httpStatus\":"),
                  let status = s.nullable({ $0.int() }), s.skip(",\"serviceRequestId\":"),
                  let requestId = s.nullable({ $0.string() }), s.skip(",\"errorType\":"),
                  let errorType = s.nullable({ $0.string() }), s.skip(",\"errorMessage\":"),
                  let errorMessage = s.nullable({ $0.string() }), s.skip(",\"throttled\":")
            else { return nil }
            let throttled: Bool
            if s.skip("true") { throttled = true } else if s.skip("false") { throttled = false } else { return nil }
            guard s.skip(",\"results\":[") else { return nil }
            var results: [VersionResult] = []
            if !s.skip("]") {
                repeat {
                    guard s.skip("["), let version = s.string(keep: lists), s.skip(","), let outcome = s.outcome(keep: lists),
                          s.skip("]")
                    else { return nil }
                    if lists { results.append(VersionResult(version, outcome)) }
                } while s.skip(",")
                guard s.skip("]") else { return nil }
            }
            record = .answer(AttemptAnswer(
                request: request, attempt: attempt, time: time, latencyMilliseconds: latency, httpStatus: status,
                serviceRequestId: requestId, errorType: errorType, errorMessage: errorMessage, throttled: throttled,
                results: results))
        } else {
            return nil
        }
        guard s.atEnd else { return nil }
        return (UInt64(seq), record)
    }
}

extension JSONLineScanner {
    mutating func time() -> Timestamp? {
        rawString().flatMap { Timestamp(iso8601Bytes: $0) }
    }

    /// A result's outcome and what follows it, as `JournalCodec.encode` writes each (with empty
    /// strings when not `keep`).
    mutating func outcome(keep: Bool = true) -> VersionOutcome? {
        if skip("\"done\"") || skip("\"deleted\"") {
            guard skip(",") else { return .done(revision: nil) }
            guard let revision = string(keep: keep) else { return nil }
            return .done(revision: revision)
        }
        if skip("\"absent\"") || skip("\"not-found\"") { return .absent }
        enum Kind { case failed, changed, retryable }
        let kind: Kind
        if skip("\"failed\",") {
            kind = .failed
        } else if skip("\"retryable\",") {
            kind = .retryable
        } else if skip("\"changed\",") {
            kind = .changed
        } else {
            return nil
        }
        guard let code = string(keep: keep), skip(","), let message = string(keep: keep) else { return nil }
        switch kind {
        case .failed: return .failed(code: code, message: message)
        case .changed: return .changed(code: code, message: message)
        case .retryable: return .retryable(code: code, message: message)
        }
    }
}
