import Plan
import Model

extension JournalReplay {
    /// The state of one planned version.
    public func state(request id: Int, versionIndex: Int) -> VersionState {
        states[requests.versionRange(at: id - requests.firstId).lowerBound + versionIndex]
    }

    /// The states of a request's versions, in plan order.
    public func states(request id: Int) -> ArraySlice<VersionState> {
        states[requests.versionRange(at: id - requests.firstId)]
    }

    /// A request's versions that still need sending, in plan order.
    public func pendingVersions(request id: Int) -> [String] {
        let index = id - requests.firstId
        let base = requests.versionRange(at: index).lowerBound
        return requests.versions(at: index).enumerated().compactMap { states[base + $0.offset] == .pending ? $0.element : nil }
    }

    /// The attempt number the next attempt of request `id` carries.
    public func nextAttempt(request id: Int) -> Int { Int(lastAttempt[id - requests.firstId]) + 1 }

    /// The pending work as the fewest requests (see `PlanRequests.batches(where:)`).
    public func pendingRequests() -> [BatchRequest] {
        requests.batches { _, _, flat in states[flat] == .pending }
    }

    /// Answers replayed.
    public var answerCount: Int { answerLog.count }

    /// Answer `index` (0-based, journal order).
    public func answer(_ index: Int) -> AnswerSummary { answerLog.summary(index, run: runTracker.run(ofAnswer: index)) }

    /// Every answer, as a list; `forEachAnswer` visits them without making one.
    public var answers: [AnswerSummary] { (0..<answerLog.count).map { answer($0) } }

    /// Visits the answers in journal order.
    public func forEachAnswer(_ body: (AnswerSummary) throws -> Void) rethrows {
        for i in 0..<answerLog.count { try body(answer(i)) }
    }

    /// Visits each answer's time and the versions it settled and carried out, in journal order: what a
    /// throughput chart needs, without making each answer's strings.
    public func forEachSettlement(_ body: (_ time: Timestamp, _ settled: Int, _ done: Int) throws -> Void) rethrows {
        for i in 0..<answerLog.count {
            let s = answerLog.settlement(i)
            try body(s.time, s.settled, s.done)
        }
    }

    /// Latencies of all answers, in journal order.
    public var latencies: [Int] { (0..<answerLog.count).map { answerLog.latencyMilliseconds($0) } }

    /// The summary of answer `index`, reusing the last one made: consecutive versions usually share it.
    private func cachedAnswer(_ index: Int32, _ cache: inout (index: Int32, answer: AnswerSummary?)) -> AnswerSummary? {
        guard index >= 0 else { return nil }
        if cache.index != index { cache = (index, answer(Int(index))) }
        return cache.answer
    }

    /// Attempts that sent version `flat`.
    private func sends(_ flat: Int) -> Int {
        let count = marks[flat] & Self.sendsMask
        return count < Self.sendsMask ? Int(count) : manySends[Int32(flat)] ?? Int(count)
    }

    private func detail(_ flat: Int) -> VersionDetail? {
        details[Int32(flat)].map { VersionDetail(code: detailStrings[$0.code], message: detailStrings[$0.message]) }
    }

    /// One planned version as the completion report shows it.
    public struct VersionEntry: Sendable {
        public var request: BatchRequest
        public var versionIndex: Int
        public var state: VersionState
        /// For `failed`: its code and message; for `pending`: the last per-version refusal, if any.
        public var detail: VersionDetail?
        /// The answer that settled it, or (for `pending`) the last one that refused it.
        public var answer: AnswerSummary?
        /// Attempts that sent it.
        public var attempts: Int

        public var version: String { request.versions[versionIndex] }
        /// The code a report shows: the detail's, else the deciding answer's error type.
        public var errorCode: String? { detail?.code ?? (state == .pending || state == .failed ? answer?.errorType : nil) }
        public var errorMessage: String? { detail?.message ?? (state == .pending || state == .failed ? answer?.errorMessage : nil) }
    }

    /// Visits every planned version in plan order, without building a list of them.
    public func forEachVersion(_ body: (VersionEntry) throws -> Void) rethrows {
        var cache: (index: Int32, answer: AnswerSummary?) = (-1, nil)
        for r in requests.indices {
            let request = requests[r]
            let base = requests.versionRange(at: r).lowerBound
            for i in request.versions.indices {
                let flat = base + i
                let answer = cachedAnswer(decidedBy[flat], &cache)
                try body(VersionEntry(request: request, versionIndex: i, state: states[flat], detail: detail(flat),
                                      answer: answer, attempts: sends(flat)))
            }
        }
    }

    /// Visits the versions in one state, in plan order.
    public func forEachVersion(in state: VersionState, _ body: (VersionEntry) throws -> Void) rethrows {
        var cache: (index: Int32, answer: AnswerSummary?) = (-1, nil)
        for r in requests.indices {
            let flats = requests.versionRange(at: r)
            guard states[flats].contains(state) else { continue }
            let request = requests[r]
            for i in request.versions.indices where states[flats.lowerBound + i] == state {
                let flat = flats.lowerBound + i
                let answer = cachedAnswer(decidedBy[flat], &cache)
                try body(VersionEntry(request: request, versionIndex: i, state: state, detail: detail(flat),
                                      answer: answer, attempts: sends(flat)))
            }
        }
    }
}
