import JSONLines

/// Encodes records as journal lines and decodes them back, checking each line's CRC.
///
/// A line is one compact JSON object: `{"seq":N,"type":…,…,"crc":"xxxxxxxx"}`. `crc` is always
/// the last member; its value is the CRC-32C (see `CRC32C`) of the line's UTF-8 bytes with that
/// member removed — the bytes up to the `,"crc":"` that introduces it, followed by `}` — written
/// as 8 lowercase hex digits. So the checksum covers exactly the object a reader sees without
/// `crc`, and checking it needs no re-encoding. `seq` starts at 1 (the header) and rises by one
/// per record, so a record's `seq` is also its line number.
public enum JournalCodec {
    /// The bytes of `,"crc":"` + 8 hex digits + `"}`.
    static let crcSuffixLength = 18
    private static let crcIntro: [UInt8] = Array(",\"crc\":\"".utf8)

    /// One line, without its newline.
    public static func encode(_ record: JournalRecord, sequence: UInt64) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.member("seq", Int(sequence))
        switch record {
        case .header(let h):
            w.member("type", "header")
            w.member("format", JournalHeader.formatName)
            w.member("formatVersion", JournalHeader.formatVersion)
            w.member("plan", h.planSHA256)
            w.member("cabatchVersion", h.cabatchVersion)
            w.member("time", h.startTime.iso8601)
        case .runStart(let r):
            w.member("type", "run-start")
            w.member("time", r.time.iso8601)
            w.member("endpoint", r.endpoint)
            w.member("region", r.region)
            w.member("concurrency", r.concurrency)
            w.member("cabatchVersion", r.cabatchVersion)
        case .intent(let i):
            w.member("type", "intent")
            w.member("request", i.request)
            w.member("attempt", i.attempt)
            w.member("time", i.time.iso8601)
            w.key("versions")
            w.beginArray()
            for v in i.versions { w.string(v) }
            w.endArray()
        case .answer(let a):
            w.member("type", "answer")
            w.member("request", a.request)
            w.member("attempt", a.attempt)
            w.member("time", a.time.iso8601)
            w.member("latencyMs", a.latencyMilliseconds)
            w.key("httpStatus")
            if let status = a.httpStatus { w.int(status) } else { w.null() }
            w.member("serviceRequestId", a.serviceRequestId)
            w.member("errorType", a.errorType)
            w.member("errorMessage", a.errorMessage)
            w.member("throttled", a.throttled)
            w.key("results")
            w.beginArray()
            // One array per version rather than an object: a third of the bytes, and far cheaper to
            // parse (no member table per version) in journals of millions of versions.
            for r in a.results {
                w.beginArray()
                w.string(r.version)
                switch r.outcome {
                case .done(let revision):
                    w.string("done")
                    if let revision { w.string(revision) }
                case .absent:
                    w.string("absent")
                case .failed(let code, let message):
                    w.string("failed")
                    w.string(code)
                    w.string(message)
                case .changed(let code, let message):
                    w.string("changed")
                    w.string(code)
                    w.string(message)
                case .retryable(let code, let message):
                    w.string("retryable")
                    w.string(code)
                    w.string(message)
                }
                w.endArray()
            }
            w.endArray()
        case .runEnd(let e):
            w.member("type", "run-end")
            w.member("time", e.time.iso8601)
            w.member("reason", e.reason.rawValue)
            w.member("message", e.message)
        }
        w.endObject()
        var line = w.bytes
        let crc = CRC32C.checksum(line)
        line.removeLast()
        line.append(contentsOf: crcIntro)
        line.append(contentsOf: CRC32C.hex(crc).utf8)
        line.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "}")])
        return line
    }

    /// Why a line did not decode; the reader adds the file and line number.
    public struct LineDefect: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Checks a line's CRC and decodes it. Without `lists`, an intent's versions and an answer's
    /// results may be left out (they are still checked): for readers that need neither.
    public static func decode(_ line: UnsafeRawBufferPointer, lists: Bool = true) throws(LineDefect) -> (sequence: UInt64, record: JournalRecord) {
        let n = line.count
        guard n > crcSuffixLength + 1, line[n - 1] == UInt8(ascii: "}"), line[n - 2] == UInt8(ascii: "\""),
              crcIntro.indices.allSatisfy({ line[n - crcSuffixLength + $0] == crcIntro[$0] })
        else { throw LineDefect(reason: line.isEmpty ? "the line is empty" : "the line does not end with a crc member") }
        var stored: UInt32 = 0
        for i in (n - 10)..<(n - 2) {
            guard let digit = hexValue(line[i]) else { throw LineDefect(reason: "the crc is not 8 hex digits") }
            stored = stored << 4 | digit
        }
        let covered = UnsafeRawBufferPointer(rebasing: line[0..<(n - crcSuffixLength)])
        let computed = CRC32C.finish(CRC32C.update(CRC32C.update(CRC32C.start, covered), CollectionOfOne(UInt8(ascii: "}"))))
        guard computed == stored else {
            throw LineDefect(reason: "crc mismatch (stored \(CRC32C.hex(stored)), computed \(CRC32C.hex(computed)))")
        }
        if let written = decodeWritten(line, lists: lists) { return written }
        return try decodeParsed(line)
    }

    /// Decodes a line through the JSON parser: what `decode` does with lines `decodeWritten` leaves.
    static func decodeParsed(_ line: UnsafeRawBufferPointer) throws(LineDefect) -> (sequence: UInt64, record: JournalRecord) {
        let value: JSONValue
        do { value = try JSONValue.parse(line) } catch { throw LineDefect(reason: "not JSON: \(error)") }
        return try decode(value)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        default: nil
        }
    }
}
