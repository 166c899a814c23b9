import Plan
import JSONLines

/// Reads journals: streams intact records, detects a torn last line, refuses damage elsewhere.
public enum JournalFile {
    /// `PLAN.journal`, beside the plan.
    public static func path(forPlan planPath: String) -> String { planPath + ".journal" }

    /// What a read found besides the records.
    public struct ReadResult: Sendable, Equatable {
        /// Records delivered (the header included).
        public var records: Int = 0
        /// Bytes of the intact records with their newlines: where the next record goes.
        public var validLength: Int = 0
        /// Bytes in the file.
        public var fileLength: Int = 0
        /// The last line was torn (unterminated, or failing its CRC or JSON) and was not delivered.
        public var tornLine: Int?
        public var header: JournalHeader?

        public init() {}
    }

    /// Calls `body` with each intact record in order.
    ///
    /// A torn last line is left out and reported in the result; a damaged line followed by
    /// intact ones, a sequence gap, or a first record that is not a header throws.
    @discardableResult
    public static func read(_ path: String, _ body: (UInt64, JournalRecord) throws -> Void) throws -> ReadResult {
        try read(path) { sequence, record, _ in try body(sequence, record) }
    }

    /// Calls `body` with each intact record in order and where its line lies in the file (without
    /// its newline), so that it can be read again alone (see `JournalIndex`). Without `lists`,
    /// intents' versions and answers' results may be left out (see `JournalCodec.decode`).
    @discardableResult
    public static func read(_ path: String, lists: Bool = true,
                            _ body: (UInt64, JournalRecord, _ line: Range<Int>) throws -> Void) throws -> ReadResult {
        var result = ReadResult()
        var defect: (line: Int, reason: String)?
        // The newest decoded record is held back until the next line shows that it was terminated.
        var held: (sequence: UInt64, record: JournalRecord, length: Int)?
        let lines: JSONLinesReader.Result
        do {
            lines = try JSONLinesReader.forEachLine(of: InputFile(path), hashing: false) { number, line in
                if let defect {
                    if defect.line == 1 { throw JournalError.notAJournal(file: path, reason: "line 1: \(defect.reason)") }
                    throw JournalError.damaged(file: path, line: defect.line, reason: defect.reason)
                }
                if let h = held {
                    try body(h.sequence, h.record, result.validLength..<result.validLength + h.length)
                    result.records += 1
                    result.validLength += h.length + 1
                    held = nil
                }
                guard let line else {
                    defect = (number, "the line is too long")
                    return
                }
                let decoded: (sequence: UInt64, record: JournalRecord)
                do throws(JournalCodec.LineDefect) { decoded = try JournalCodec.decode(line, lists: lists) } catch {
                    defect = (number, error.reason)
                    return
                }
                guard decoded.sequence == UInt64(number) else {
                    throw JournalError.damaged(file: path, line: number,
                                               reason: "seq \(decoded.sequence) where \(number) was expected")
                }
                switch decoded.record {
                case .header(let header):
                    guard number == 1 else {
                        throw JournalError.damaged(file: path, line: number, reason: "a second header")
                    }
                    result.header = header
                default:
                    guard number > 1 else {
                        throw JournalError.notAJournal(file: path, reason: "its first record is not a header")
                    }
                }
                held = (decoded.sequence, decoded.record, line.count)
            }
        } catch let error as FileError {
            throw JournalError.io(file: path, operation: "read", reason: error.description)
        }
        if let defect { result.tornLine = defect.line }
        if let h = held {
            if lines.lastLineUnterminated {
                result.tornLine = result.records + 1
                if result.records == 0 { result.header = nil }
            } else {
                try body(h.sequence, h.record, result.validLength..<result.validLength + h.length)
                result.records += 1
                result.validLength += h.length + 1
            }
        }
        if result.records == 0 { result.header = nil }
        result.fileLength = lines.file.bytes
        return result
    }

    /// Reads a whole journal into a replay of `requests`.
    public static func replay(_ path: String, requests: [BatchRequest]) throws -> (JournalReplay, ReadResult) {
        try replay(path, requests: PlanRequests(requests))
    }

    /// Reads a whole journal into a replay of a plan's requests.
    public static func replay(_ path: String, requests: PlanRequests) throws -> (JournalReplay, ReadResult) {
        var replay = JournalReplay(requests: requests, source: path)
        let result = try read(path) { sequence, record in try replay.apply(record, sequence: sequence) }
        return (replay, result)
    }
}
