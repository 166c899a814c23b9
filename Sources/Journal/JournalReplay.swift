import Plan

/// Replays journal records against a plan: each planned version's state, the attempts and
/// the runs. Pure: records in, state out; `cabatch status`, reports and `apply` use it.
public struct JournalReplay: Sendable {
    /// The plan's requests, in id order (id = index + 1).
    public let requests: PlanRequests
    /// Names the journal in error messages.
    public let source: String
    public private(set) var header: JournalHeader?
    public private(set) var totals = StateCounts()
    public private(set) var statistics = JournalStatistics()
    /// Every answer, in journal order (see `answer(_:)`, `forEachAnswer`).
    var answerLog = AnswerLog()
    var runTracker = RunTracker()
    /// The runs, in journal order.
    public var runs: [RunSummary] { runTracker.runs }

    /// Per version (flat index, see `PlanRequests.versionRange(at:)`). A million-version plan keeps
    /// six bytes per version here.
    var states: [VersionState]
    /// Per version: the answer that last changed or refused it, or -1.
    var decidedBy: [Int32]
    /// Per version: attempts that sent it in the low seven bits (`sendsMask`: at least that many,
    /// the count is in `manySends`), and `lostFlag` when an attempt with it lost its answer or failed
    /// in transport.
    var marks: [UInt8]
    static let sendsMask: UInt8 = 0x7F
    static let lostFlag: UInt8 = 0x80
    var manySends: [Int32: Int] = [:]
    /// Per failed version, and per pending one a version-level refusal names: its code and message.
    var details: [Int32: DetailReference] = [:]
    var detailStrings = InternedStrings()
    /// Per request: the highest attempt number seen.
    var lastAttempt: [Int32]
    /// Attempts sent whose answer has not been replayed yet, with their versions' flat indices.
    var openIntents: [AttemptKey: [Int]] = [:]

    struct AttemptKey: Hashable, Sendable {
        var request: Int
        var attempt: Int
    }

    /// A `VersionDetail` as numbers in `detailStrings`.
    struct DetailReference: Sendable {
        var code: UInt32
        var message: UInt32
    }

    public init(requests: [BatchRequest], source: String = "journal") {
        self.init(requests: PlanRequests(requests), source: source)
    }

    public init(requests: PlanRequests, source: String = "journal") {
        precondition(requests.versionCount < Int(Int32.max), "a replay holds fewer than 2^31 versions")
        self.requests = requests
        self.source = source
        let total = requests.versionCount
        states = Array(repeating: .pending, count: total)
        decidedBy = Array(repeating: -1, count: total)
        marks = Array(repeating: 0, count: total)
        lastAttempt = Array(repeating: 0, count: requests.count)
        totals.pending = total
    }

    /// Planned versions in all.
    public var versionCount: Int { requests.versionCount }

    /// Attempts sent whose answers never arrived: closed ones plus those still open at the journal's end.
    public var lostAnswers: Int { statistics.lostAnswersClosed + openIntents.count }

    /// Applies one record; `sequence` (its line number) names it in errors.
    public mutating func apply(_ record: JournalRecord, sequence: UInt64) throws(JournalError) {
        statistics.records += 1
        switch record {
        case .header(let h):
            guard header == nil else { throw inconsistent(sequence, "a second header") }
            header = h
        case .runStart(let start):
            closeOpenIntents()
            runTracker.start(start)
        case .intent(let intent):
            try applyIntent(intent, sequence: sequence)
        case .answer(let answer):
            try applyAnswer(answer, sequence: sequence)
        case .runEnd(let end):
            closeOpenIntents()
            runTracker.end(end)
        }
    }

    private func inconsistent(_ sequence: UInt64, _ reason: String) -> JournalError {
        .inconsistent(file: source, line: Int(sequence), reason: reason)
    }

    /// The index of request `id`, after checking it and its attempt number.
    private mutating func checkRequest(_ id: Int, attempt: Int, sequence: UInt64) throws(JournalError) -> Int {
        guard let index = requests.index(ofId: id) else {
            throw Self.unplannedRequest(id, requestCount: requests.count, file: source, sequence: sequence)
        }
        guard attempt >= 1 else { throw inconsistent(sequence, "attempt \(attempt) of request \(id) is not positive") }
        lastAttempt[index] = max(lastAttempt[index], Int32(clamping: attempt))
        return index
    }

    /// The error for a record naming a request the plan does not have.
    static func unplannedRequest(_ id: Int, requestCount: Int, file: String, sequence: UInt64) -> JournalError {
        .inconsistent(file: file, line: Int(sequence),
                      reason: "request \(id) is not in the plan (it has \(requestCount) requests); is this the plan's journal?")
    }

    private mutating func applyIntent(_ intent: AttemptIntent, sequence: UInt64) throws(JournalError) {
        let r = try checkRequest(intent.request, attempt: intent.attempt, sequence: sequence)
        runTracker.touch(intent.time)
        statistics.attempts += 1
        if intent.attempt > 1 { statistics.retries += 1 }
        let package = requests.requestRange(ofPackage: requests.package(at: r))
        var hint = requests.cursor(atRequest: r)
        var indices: [Int] = []
        indices.reserveCapacity(intent.versions.count)
        for version in intent.versions {
            guard let flat = requests.flatIndex(of: version, inRequests: package, hint: &hint) else {
                throw inconsistent(sequence, "version \(version) is not planned in request \(intent.request) (\(requests.key(at: r).packageName)) or the requests of its package")
            }
            countSend(flat)
            indices.append(flat)
        }
        openIntents[AttemptKey(request: intent.request, attempt: intent.attempt)] = indices
    }

    private mutating func applyAnswer(_ answer: AttemptAnswer, sequence: UInt64) throws(JournalError) {
        let r = try checkRequest(answer.request, attempt: answer.attempt, sequence: sequence)
        runTracker.answer(answer.time)
        statistics.answers += 1
        if answer.throttled { statistics.throttled += 1 }
        if let status = answer.httpStatus { statistics.httpStatuses[status, default: 0] += 1 }
        if let type = answer.errorType { statistics.errorTypes[type, default: 0] += 1 }
        let index = Int32(answerLog.count)
        answerLog.append(answer)
        let sent = openIntents.removeValue(forKey: AttemptKey(request: answer.request, attempt: answer.attempt))
        if answer.httpStatus == nil, let sent {
            statistics.transportErrors += 1
            for flat in sent { marks[flat] |= Self.lostFlag }
        } else if answer.httpStatus == nil {
            statistics.transportErrors += 1
        }
        let package = requests.requestRange(ofPackage: requests.package(at: r))
        var hint = requests.cursor(atRequest: r)
        for result in answer.results {
            guard let flat = requests.flatIndex(of: result.version, inRequests: package, hint: &hint) else {
                throw inconsistent(sequence, "version \(result.version) is not planned in request \(answer.request) (\(requests.key(at: r).packageName)) or the requests of its package")
            }
            let old = states[flat]
            if let new = old.next(after: result.outcome) {
                states[flat] = new
                decidedBy[flat] = index
                totals[old] -= 1
                totals[new] += 1
                if old == .pending {
                    answerLog.addSettled(Int(index), done: new == .done)
                } else if new == .done {
                    answerLog.addDone(Int(index))
                }
                if new == .absent, marks[flat] & Self.lostFlag != 0 { statistics.absentAfterLostAnswer += 1 }
                if old == .absent, new == .done, marks[flat] & Self.lostFlag != 0 { statistics.absentAfterLostAnswer -= 1 }
                switch result.outcome {
                case .failed(let code, let message), .changed(let code, let message):
                    details[Int32(flat)] = detail(code, message)
                default:
                    details.removeValue(forKey: Int32(flat))
                }
            } else if old == .pending, case .retryable(let code, let message) = result.outcome {
                decidedBy[flat] = index
                details[Int32(flat)] = detail(code, message)
            }
        }
        if answer.results.isEmpty, let sent {
            // A call refused as a whole: its versions remember the answer so reports say why they are pending.
            for flat in sent where states[flat] == .pending {
                decidedBy[flat] = index
                details.removeValue(forKey: Int32(flat))
            }
        }
    }

    /// One stored copy per distinct code and message, so that thousands of versions share them.
    private mutating func detail(_ code: String, _ message: String) -> DetailReference {
        DetailReference(code: detailStrings.intern(code), message: detailStrings.intern(message))
    }

    private mutating func countSend(_ flat: Int) {
        if marks[flat] & Self.sendsMask < Self.sendsMask {
            marks[flat] += 1
        } else {
            manySends[Int32(flat), default: Int(Self.sendsMask)] += 1
        }
    }

    private mutating func closeOpenIntents() {
        for (_, indices) in openIntents {
            for flat in indices { marks[flat] |= Self.lostFlag }
        }
        statistics.lostAnswersClosed += openIntents.count
        openIntents.removeAll()
    }
}
