import Journal
import Model
import Plan
import Testing

/// `PendingWork` learnt from a replay gives the run exactly the work the replay itself would:
/// the same batches with the same ids and attempts, for fresh, partly and wholly settled plans.
@Suite struct PendingWorkTests {
    typealias F = JournalFixture

    func work(_ replay: JournalReplay) -> PendingWork {
        var work = PendingWork(requestCount: replay.requests.count)
        work.learn(replay)
        return work
    }

    @Test func aFreshPlanIsAllPendingAtAttemptOne() throws {
        let replay = try F.replay([F.header])
        let work = work(replay)
        #expect(work == PendingWork(requestCount: 3))
        #expect(work.pendingRequests(in: replay.requests) == replay.pendingRequests())
        #expect((1...3).map { work.nextAttempt(request: $0) } == [1, 1, 1])
    }

    @Test func settledPartlySettledAndRetriedRequests() throws {
        let replay = try F.replay([
            F.header,
            F.intent(1, 1, 1, ["1.0.0", "1.0.1", "1.0.2"]),
            F.answer(1, 1, 1, [VersionResult("1.0.0", .done(revision: nil)), VersionResult("1.0.2", .absent),
                               VersionResult("1.0.1", .retryable(code: "SKIPPED", message: "skipped"))]),
            F.intent(2, 1, 2, ["2.0.0", "2.0.1"]),
            F.answer(2, 1, 2, [VersionResult("2.0.0", .failed(code: "NOT_ALLOWED", message: "no")),
                               VersionResult("2.0.1", .changed(code: "MISMATCHED_STATUS", message: "Archived"))]),
            F.intent(3, 1, 3, ["4.0.0", "4.0.1"]),
            F.intent(3, 2, 4, ["4.0.0", "4.0.1"]),
            F.answer(3, 2, 5, status: 429, error: "ThrottlingException", throttled: true, []),
        ])
        let work = work(replay)
        #expect(work.isPending(request: 1, offset: 1))
        #expect(!work.isPending(request: 1, offset: 0) && !work.isPending(request: 1, offset: 2))
        #expect(!work.isPending(request: 2, offset: 0) && !work.isPending(request: 2, offset: 1))
        #expect(work.isPending(request: 3, offset: 0) && work.isPending(request: 3, offset: 1))
        #expect(work.pendingRequests(in: replay.requests) == replay.pendingRequests())
        #expect(work.pendingRequests(in: replay.requests).map(\.versions) == [["1.0.1"], ["4.0.0", "4.0.1"]])
        // Only requests with work left keep their attempts: request 2 is settled.
        #expect(work.nextAttempt(request: 1) == 2 && replay.nextAttempt(request: 1) == 2)
        #expect(work.nextAttempt(request: 3) == 3 && replay.nextAttempt(request: 3) == 3)
    }

    /// Random plans (requests of 1 to 100 versions, some with expected statuses) and random
    /// answers, learnt a stretch at a time: the same batches and attempts as each stretch's replay.
    @Test(arguments: 1...20)
    func equalsTheReplaysOwnWork(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var requests: [BatchRequest] = []
        for package in 0..<Int(random.next() % 12 + 1) {
            let expected: PackageVersionStatus? = random.next() % 3 == 0 ? .archived : nil
            for r in 0..<Int(random.next() % 3 + 1) {
                let count = Int(random.next() % 100 + 1)
                requests.append(BatchRequest(id: requests.count + 1, key: F.key("p\(package)"),
                                             versions: (0..<count).map { "\(r).\($0)" },
                                             expectedStatus: r == 1 ? expected : nil))
            }
        }
        var records: [(UInt64, JournalRecord)] = [(1, F.header)]
        for request in requests where random.next() % 2 == 0 {
            for attempt in 1...Int(random.next() % 3 + 1) {
                records.append((UInt64(records.count + 1), F.intent(request.id, attempt, Int64(records.count), request.versions)))
                let outcomes: [VersionOutcome] = [.done(revision: nil), .absent, .retryable(code: "SKIPPED", message: ""),
                                                  .failed(code: "NOT_ALLOWED", message: ""), .changed(code: "MISMATCHED_STATUS", message: "")]
                let results = request.versions.compactMap { version in
                    random.next() % 3 == 0 ? nil : VersionResult(version, outcomes[Int(random.next() % UInt64(outcomes.count))])
                }
                records.append((UInt64(records.count + 1), F.answer(request.id, attempt, Int64(records.count), results)))
            }
        }
        var replay = JournalReplay(requests: PlanRequests(requests))
        for (sequence, record) in records { try replay.apply(record, sequence: sequence) }
        #expect(replay.totals.pending < replay.versionCount || records.count == 1)

        // The same journal replayed as stretches (whole packages), learnt one by one.
        var work = PendingWork(requestCount: requests.count)
        var fromStretches: [BatchRequest] = []
        var stretches: [PlanRequests] = []
        var stretch = PlanRequests(firstId: 1)
        for request in requests {
            if let last = stretch.last, last.key != request.key, random.next() % 2 == 0 {
                stretches.append(stretch)
                stretch = PlanRequests(firstId: request.id)
            }
            stretch.append(request)
        }
        stretches.append(stretch)
        func request(of record: JournalRecord) -> Int? {
            switch record {
            case .intent(let intent): intent.request
            case .answer(let answer): answer.request
            default: nil
            }
        }
        // Learnt in reverse, as nothing says stretches come in order.
        for part in stretches.reversed() {
            var partial = JournalReplay(requests: part)
            let ids = part.firstId..<(part.firstId + part.count)
            for (sequence, record) in records where request(of: record).map(ids.contains) ?? true {
                try partial.apply(record, sequence: sequence)
            }
            work.learn(partial)
        }
        for part in stretches { fromStretches += work.pendingRequests(in: part) }
        #expect(fromStretches == replay.pendingRequests())
        for request in replay.pendingRequests() {
            #expect(work.nextAttempt(request: request.id) == replay.nextAttempt(request: request.id))
        }
    }
}
