import Glibc
import Plan
import Model

/// A journal read once and indexed by request, so that it can be replayed against a plan streamed
/// from its file a few packages at a time (`forEachStretch`).
///
/// A whole-plan `JournalReplay` holds every version of the plan; reports of a job of millions of
/// versions need not. The index keeps a few words per record, not the records: each stretch reads
/// its own records again from the file.
public struct JournalIndex: Sendable {
    public private(set) var path: String
    /// The journal's header; `nil` when it is empty or only a torn header.
    public private(set) var header: JournalHeader?
    /// A torn last line the reader left out.
    public private(set) var tornLine: Int?
    private var runTracker = RunTracker()
    /// Per record (sequence − 1): where its line starts; one more at the end, past the last newline.
    private var lineStarts: [Int64] = []
    /// Per request: its last record's sequence, 0 when none.
    private var lastOfRequest: [Int32]
    /// Per record: the sequence of the previous record of its request, 0 when none.
    private var previousOfRecord: [Int32] = []
    /// Run starts and ends: every stretch replays them, so that attempts whose answers never came
    /// are closed where a whole replay closes them.
    private var boundaries: [(sequence: UInt64, record: JournalRecord)] = []

    /// The runs, in journal order.
    public var runs: [RunSummary] { runTracker.runs }

    /// Reads the journal at `path` of a plan with `requestCount` requests and sha256 `planSHA256`.
    public init(path: String, planSHA256: String, requestCount: Int) throws {
        self.path = path
        lastOfRequest = Array(repeating: 0, count: requestCount)
        var end = 0
        var index = self
        // Lists are left out: the index needs each record's request, time and place, and stretches
        // read the records again whole.
        let result = try JournalFile.read(path, lists: false) { sequence, record, line in
            precondition(sequence < UInt64(Int32.max), "a journal index holds fewer than 2^31 records")
            index.lineStarts.append(Int64(line.lowerBound))
            index.previousOfRecord.append(0)
            end = line.upperBound + 1
            switch record {
            case .header(let header):
                guard header.planSHA256 == planSHA256 else {
                    throw JournalError.otherPlan(file: path, journalPlan: header.planSHA256, plan: planSHA256)
                }
                index.header = header
            case .runStart(let start):
                index.runTracker.start(start)
                index.boundaries.append((sequence, record))
            case .runEnd(let runEnd):
                index.runTracker.end(runEnd)
                index.boundaries.append((sequence, record))
            case .intent(let intent):
                try index.link(intent.request, sequence: sequence)
                index.runTracker.touch(intent.time)
            case .answer(let answer):
                try index.link(answer.request, sequence: sequence)
                index.runTracker.answer(answer.time)
            }
        }
        index.lineStarts.append(Int64(end))
        index.tornLine = result.tornLine
        self = index
    }

    /// The index of a plan that has no journal yet: every stretch is all `pending`.
    public init(noJournalAt path: String, requestCount: Int) {
        self.path = path
        lastOfRequest = Array(repeating: 0, count: requestCount)
    }

    private mutating func link(_ request: Int, sequence: UInt64) throws(JournalError) {
        guard request >= 1, request <= lastOfRequest.count else {
            throw JournalReplay.unplannedRequest(request, requestCount: lastOfRequest.count, file: path, sequence: sequence)
        }
        previousOfRecord[Int(sequence) - 1] = lastOfRequest[request - 1]
        lastOfRequest[request - 1] = Int32(sequence)
    }

    /// Streams the plan at `planPath` and calls `body` with replays of consecutive stretches of it,
    /// in plan order: whole packages, of at least `versionsPerStretch` versions but the last.
    ///
    /// Each replay holds its stretch's requests (with the plan's ids), the records of those requests
    /// and every run start and end. Versions of one package meet in one stretch, so every version
    /// ends as a whole replay leaves it; counts summed over the stretches (totals, attempts, lost
    /// answers) are a whole replay's. Their runs are not: use `runs`.
    public func forEachStretch(planPath: String, versionsPerStretch: Int = 1 << 16,
                               _ body: (JournalReplay) throws -> Void) throws {
        let file = lineStarts.isEmpty ? -1 : open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 || lineStarts.isEmpty else { throw JournalError.io(file: path, operation: "open", reason: String(cString: strerror(errno))) }
        defer { if file >= 0 { close(file) } }
        var line: [UInt8] = []
        let sha256 = try PlanFile.forEachStretch(planPath, versionsPerStretch: versionsPerStretch) { stretch in
            guard stretch.firstId + stretch.count - 1 <= lastOfRequest.count else {
                let first = max(stretch.firstId, lastOfRequest.count + 1)
                throw PlanError.damaged(file: planPath, line: first + 1,
                                        reason: "request \(first) is past the \(lastOfRequest.count) the journal's plan has")
            }
            var replay = JournalReplay(requests: stretch, source: path)
            try forEachRecord(of: stretch, file: file, buffer: &line) { sequence, record in
                try replay.apply(record, sequence: sequence)
            }
            try body(replay)
        }
        if let header, sha256 != header.planSHA256 {
            throw JournalError.otherPlan(file: path, journalPlan: header.planSHA256, plan: sha256)
        }
    }

    /// Calls `body` with the records of `requests`' requests and the run boundaries, in journal order.
    private func forEachRecord(of requests: PlanRequests, file: Int32, buffer: inout [UInt8],
                               _ body: (UInt64, JournalRecord) throws -> Void) throws {
        var sequences: [Int32] = []
        for id in requests.firstId..<(requests.firstId + requests.count) {
            var sequence = lastOfRequest[id - 1]
            while sequence > 0 {
                sequences.append(sequence)
                sequence = previousOfRecord[Int(sequence) - 1]
            }
        }
        sequences.sort()
        var next = 0
        for sequence in sequences {
            while next < boundaries.count, boundaries[next].sequence < UInt64(sequence) {
                try body(boundaries[next].sequence, boundaries[next].record)
                next += 1
            }
            try body(UInt64(sequence), try readRecord(UInt64(sequence), file: file, buffer: &buffer))
        }
        for boundary in boundaries[next...] { try body(boundary.sequence, boundary.record) }
    }

    /// Reads record `sequence` again from the file.
    private func readRecord(_ sequence: UInt64, file: Int32, buffer: inout [UInt8]) throws -> JournalRecord {
        let start = lineStarts[Int(sequence) - 1], length = Int(lineStarts[Int(sequence)] - start) - 1
        if buffer.count < length { buffer = Array(repeating: 0, count: max(length, 2 * buffer.count)) }
        let decoded = try buffer.withUnsafeMutableBytes { bytes throws -> (sequence: UInt64, record: JournalRecord) in
            var done = 0
            while done < length {
                let n = pread(file, bytes.baseAddress! + done, length - done, off_t(start) + off_t(done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw JournalError.io(file: path, operation: "read",
                                          reason: n == 0 ? "the file is shorter than when it was read" : String(cString: strerror(errno)))
                }
                done += n
            }
            do throws(JournalCodec.LineDefect) {
                return try JournalCodec.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<length]))
            } catch {
                throw JournalError.damaged(file: path, line: Int(sequence), reason: "changed since it was read: \(error.reason)")
            }
        }
        guard decoded.sequence == sequence else {
            throw JournalError.damaged(file: path, line: Int(sequence), reason: "changed since it was read: seq \(decoded.sequence)")
        }
        return decoded.record
    }
}
