import Journal
import Plan
import Testing
import Model

@Suite struct JournalReplayTests {
    typealias F = JournalFixture

    @Test func sampleStates() throws {
        let replay = try F.replay(F.sample)
        #expect(Array(replay.states(request: 1)) == [.done, .absent, .failed])
        #expect(Array(replay.states(request: 2)) == [.pending, .pending])
        #expect(replay.totals.done == 1 && replay.totals.absent == 1 && replay.totals.failed == 1 && replay.totals.pending == 4)
        #expect(replay.statistics.attempts == 2)
        #expect(replay.statistics.throttled == 1)
        #expect(replay.lostAnswers == 0)
        #expect(replay.runs.count == 1)
        #expect(replay.runs[0].activeSeconds == 4)
        #expect(replay.nextAttempt(request: 2) == 2)
    }

    @Test func deletedThenNotFoundStaysDeleted() throws {
        let replay = try F.replay([
            F.header,
            F.intent(1, 1, 1, ["1.0.0"]),
            F.answer(1, 1, 2, [VersionResult("1.0.0", .done(revision: "r"))]),
            F.intent(1, 2, 3, ["1.0.0"]),
            F.answer(1, 2, 4, [VersionResult("1.0.0", .absent)]),
            F.answer(1, 2, 4, [VersionResult("1.0.0", .failed(code: "NOT_ALLOWED", message: "no"))]),
        ])
        #expect(replay.state(request: 1, versionIndex: 0) == .done)
        #expect(replay.statistics.retries == 1)
    }

    @Test func skippedThenDeleted() throws {
        let replay = try F.replay([
            F.header,
            F.intent(1, 1, 1, ["1.0.0", "1.0.1"]),
            F.answer(1, 1, 2, [VersionResult("1.0.0", .failed(code: "MISMATCHED_STATUS", message: "m")),
                               VersionResult("1.0.1", .retryable(code: "SKIPPED", message: "skipped"))]),
        ])
        #expect(replay.state(request: 1, versionIndex: 1) == .pending)
        var codes: [String?] = []
        replay.forEachVersion { codes.append($0.errorCode) }
        #expect(codes.prefix(2) == ["MISMATCHED_STATUS", "SKIPPED"])
        var later = replay
        try later.apply(F.intent(1, 2, 3, ["1.0.1"]), sequence: 4)
        try later.apply(F.answer(1, 2, 4, [VersionResult("1.0.1", .done(revision: nil))]), sequence: 5)
        #expect(later.state(request: 1, versionIndex: 1) == .done)
        #expect(later.totals.done == 1 && later.totals.failed == 1)
    }

    @Test func lostAnswerThenNotFoundIsAbsent() throws {
        let replay = try F.replay([
            F.header,
            F.runStart(0),
            F.intent(1, 1, 1, ["1.0.0", "1.0.1", "1.0.2"]),
            // killed here: no answer, no run end
            F.runStart(100),
            F.intent(1, 2, 101, ["1.0.0", "1.0.1", "1.0.2"]),
            F.answer(1, 2, 102, [VersionResult("1.0.0", .absent), VersionResult("1.0.1", .absent),
                                 VersionResult("1.0.2", .done(revision: nil))]),
        ])
        #expect(Array(replay.states(request: 1)) == [.absent, .absent, .done])
        #expect(replay.lostAnswers == 1)
        #expect(replay.statistics.absentAfterLostAnswer == 2)
        #expect(replay.runs.count == 2)
        #expect(replay.runs[0].activeSeconds == 1)
    }

    @Test func transportErrorThenNotFoundIsAbsent() throws {
        let replay = try F.replay([
            F.header,
            F.intent(3, 1, 1, ["4.0.0", "4.0.1"]),
            F.answer(3, 1, 2, status: nil, error: "ConnectionReset", []),
            F.intent(3, 2, 3, ["4.0.0", "4.0.1"]),
            F.answer(3, 2, 4, [VersionResult("4.0.0", .absent), VersionResult("4.0.1", .done(revision: nil))]),
        ])
        #expect(Array(replay.states(request: 3)) == [.absent, .done])
        #expect(replay.statistics.transportErrors == 1)
        #expect(replay.statistics.absentAfterLostAnswer == 1)
    }

    @Test func failedIsPermanentUntilFoundGone() throws {
        var replay = try F.replay([
            F.header,
            F.answer(1, 1, 1, [VersionResult("1.0.0", .failed(code: "NOT_ALLOWED", message: "denied"))]),
            F.answer(1, 2, 2, [VersionResult("1.0.0", .retryable(code: "SKIPPED", message: "s"))]),
        ])
        #expect(replay.state(request: 1, versionIndex: 0) == .failed)
        #expect(!replay.pendingVersions(request: 1).contains("1.0.0"))
        try replay.apply(F.answer(1, 3, 3, [VersionResult("1.0.0", .absent)]), sequence: 4)
        #expect(replay.state(request: 1, versionIndex: 0) == .absent)
        try replay.apply(F.answer(1, 4, 4, [VersionResult("1.0.0", .failed(code: "X", message: "x"))]), sequence: 5)
        #expect(replay.state(request: 1, versionIndex: 0) == .absent)
    }

    @Test func pendingWorkIsRebatchedPerPackage() throws {
        let replay = try F.replay([
            F.header,
            F.answer(1, 1, 1, [VersionResult("1.0.0", .done(revision: nil))]),
            F.answer(2, 1, 1, [VersionResult("2.0.1", .absent)]),
        ])
        let pending = replay.pendingRequests()
        #expect(pending.map(\.id) == [1, 3])
        #expect(pending[0].versions == ["1.0.1", "1.0.2", "2.0.0"])
        #expect(pending[1].versions == ["4.0.0", "4.0.1"])
        // An answer to the merged batch, journalled under id 1, reaches request 2's version.
        var after = replay
        try after.apply(F.answer(1, 2, 2, [VersionResult("1.0.1", .done(revision: nil)),
                                           VersionResult("2.0.0", .done(revision: nil))]), sequence: 4)
        #expect(after.state(request: 2, versionIndex: 0) == .done)
        #expect(after.pendingRequests().map(\.versions) == [["1.0.2"], ["4.0.0", "4.0.1"]])
    }

    @Test func bigPackagesBatchAtTheServiceLimit() throws {
        let key = F.key()
        let requests = (0..<3).map { r in BatchRequest(id: r + 1, key: key, versions: (0..<100).map { "\(r).\($0)" }) }
        var replay = JournalReplay(requests: requests)
        try replay.apply(F.header, sequence: 1)
        try replay.apply(F.answer(1, 1, 1, (0..<50).map { VersionResult("0.\($0)", .done(revision: nil)) }), sequence: 2)
        let pending = replay.pendingRequests()
        #expect(pending.map(\.versions.count) == [100, 100, 50])
        #expect(pending.map(\.id) == [1, 2, 3])
        #expect(pending[1].versions.first == "1.50")
    }

    @Test func answersComeBackAsJournalled() throws {
        let ids: [String?] = ["0b6f7c1e-4d2a-4c8e-9f3a-1234567890ab", "0B6F7C1E-4D2A-4C8E-9F3A-1234567890AB",
                              "0b6f7c1e-4d2a-4c8e-9f3a-1234567890a", "req-1", "", nil]
        var records = [F.header, F.runStart(0)]
        for (i, id) in ids.enumerated() {
            if i == 3 { records.append(F.runStart(10)) }
            records.append(.answer(AttemptAnswer(
                request: 1, attempt: i + 1, time: F.at(Int64(i + 1)), latencyMilliseconds: 10 * i, httpStatus: id == nil ? nil : 500,
                serviceRequestId: id, errorType: i % 2 == 0 ? "InternalServerError" : nil,
                errorMessage: i % 2 == 0 ? "boom \(i % 4)" : nil, throttled: i == 1, results: [])))
        }
        let replay = try F.replay(records)
        #expect(replay.answerCount == ids.count)
        #expect(replay.answers.map(\.serviceRequestId) == ids)
        #expect(replay.answers.map(\.run) == [0, 0, 0, 1, 1, 1])
        #expect(replay.answers.map(\.errorMessage) == ["boom 0", nil, "boom 2", nil, "boom 0", nil])
        #expect(replay.answers.map(\.httpStatus) == [500, 500, 500, 500, 500, nil])
        #expect(replay.answers.map(\.throttled) == [false, true, false, false, false, false])
        #expect(replay.latencies == [0, 10, 20, 30, 40, 50])
    }

    @Test func answersPastAColumnChunkKeepTheirPlace() throws {
        let count = 10_000
        var records = [F.header]
        for attempt in 1...count {
            records.append(.answer(AttemptAnswer(request: attempt % 3 + 1, attempt: attempt, time: F.at(Int64(attempt)),
                                                 latencyMilliseconds: attempt, httpStatus: 503,
                                                 serviceRequestId: "id-\(attempt)", results: [])))
        }
        let replay = try F.replay(records)
        #expect(replay.latencies == Array(1...count))
        #expect(replay.answer(4096).serviceRequestId == "id-4097")
        #expect(replay.answer(count - 1).request == count % 3 + 1 && replay.answer(count - 1).attempt == count)
    }

    @Test func manyAttemptsAreCountedExactly() throws {
        var records = [F.header]
        for attempt in 1...300 {
            records.append(F.intent(3, attempt, Int64(attempt), ["4.0.0"]))
            records.append(F.answer(3, attempt, Int64(attempt), [VersionResult("4.0.0", .retryable(code: "SKIPPED", message: "s"))]))
        }
        let replay = try F.replay(records)
        var attempts: [String: Int] = [:]
        replay.forEachVersion { attempts[$0.version] = $0.attempts }
        #expect(attempts == ["1.0.0": 0, "1.0.1": 0, "1.0.2": 0, "2.0.0": 0, "2.0.1": 0, "4.0.0": 300, "4.0.1": 0])
        #expect(replay.nextAttempt(request: 3) == 301)
    }

    @Test func unknownRequestOrVersionIsInconsistent() throws {
        #expect { try F.replay([F.header, F.intent(9, 1, 1, ["1"])]) } throws: { error in
            (error as? JournalError)?.description.contains("test.journal:2: request 9 is not in the plan") == true
        }
        #expect { try F.replay([F.header, F.answer(3, 1, 1, [VersionResult("1.0.0", .absent)])]) } throws: { error in
            (error as? JournalError)?.code == "inconsistent-journal"
        }
    }
}
