import CodeArtifact
import Execution
import Foundation
import Model
import Testing

/// The driver performs the machine's actions: sends through the transport, records through the
/// recorder, returns what was made durable. A transport and a recorder in memory stand in for
/// the service and the journal.
@Suite struct ExecutorTests {
    @Test(.timeLimit(.minutes(1)))
    func everyItemIsSentRecordedAndCounted() async {
        let transport = MemoryTransport()
        let recorder = MemoryRecorder()
        let items = (0..<60).map { workItem($0) }
        let result = await Executor(items: items, transport: transport, recorder: recorder, options: fastOptions(concurrency: 4)).run()
        #expect(result.reason == .completed)
        #expect(result.progress.carriedOut == 60)
        #expect(result.progress.requestsAnswered == 60)
        #expect(result.pendingVersions == 0)
        #expect(transport.highestInFlight <= 4)
        #expect(transport.received.count == 60)
        let log = recorder.log
        #expect(log.filter { $0.hasPrefix("intent") }.count == 60)
        #expect(log.filter { $0.hasPrefix("answer") }.count == 60)
        #expect(log.last == "finish completed")
    }

    @Test(.timeLimit(.minutes(1)))
    func ctrlCWaitsForTheRequestsInFlightAndSendsNothingMore() async throws {
        let transport = MemoryTransport(holding: true)
        let recorder = MemoryRecorder()
        let executor = Executor(items: (0..<10).map { workItem($0) }, transport: transport, recorder: recorder,
                                options: fastOptions(concurrency: 3))
        async let running = executor.run()
        while transport.waiting < 3 { try await Task.sleep(for: .milliseconds(5)) }
        // Queued on the executor ahead of the answers the release brings.
        executor.interrupt()
        transport.releaseAll()
        let result = await running
        #expect(result.reason == .interrupted)
        #expect(transport.received.count == 3)
        #expect(result.progress.carriedOut == 3, "the answers in flight were recorded and counted")
        #expect(result.pendingVersions == 7)
        #expect(recorder.log.last == "finish interrupted")
    }

    @Test(.timeLimit(.minutes(1)))
    func aRecorderThatFailsStopsTheRun() async {
        let recorder = MemoryRecorder(failAfterAnswers: 1)
        let result = await Executor(items: (0..<20).map { workItem($0) }, transport: MemoryTransport(), recorder: recorder,
                                    options: fastOptions(concurrency: 1)).run()
        #expect(result.reason == .journalFailed(message: "disk full"))
        #expect(result.progress.attemptsSent == 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func progressIsReportedWhileTheRunGoes() async throws {
        let transport = MemoryTransport(holding: true)
        let seen = Counter()
        let executor = Executor(items: [workItem(0)], transport: transport, recorder: MemoryRecorder(), options: fastOptions(concurrency: 1))
        async let running = executor.run(progressInterval: 0.01) { progress in
            if progress.totalVersions == 1 && progress.attemptsSent == 1 { seen.add() }
        }
        while seen.value < 2 { try await Task.sleep(for: .milliseconds(5)) }
        transport.releaseAll()
        #expect(await running.reason == .completed)
    }
}

private func fastOptions(concurrency: Int) -> ExecutionOptions {
    var options = ExecutionOptions()
    options.concurrency = concurrency
    options.rate = 100_000
    options.seed = 1
    return options
}

private func workItem(_ n: Int) -> WorkItem {
    WorkItem(key: PackageKey(domain: "acme", domainOwner: nil, repository: "npm-store", format: .npm, namespace: nil, package: "pkg-\(n)"),
             segments: [WorkItem.Segment(requestID: n, versions: ["1.0.0"])])
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

/// Deletes whatever it is asked to, at once or (`holding`) when released.
private final class MemoryTransport: BatchTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let holding: Bool
    private var held: [@Sendable () -> Void] = []
    private var inFlight = 0
    private var highest = 0
    private var packages: [String] = []

    init(holding: Bool = false) { self.holding = holding }

    var received: [String] { lock.withLock { packages } }
    var waiting: Int { lock.withLock { held.count } }
    var highestInFlight: Int { lock.withLock { highest } }

    func send(_ call: BatchCall) async throws -> PackageVersionsOutput {
        try await withCheckedThrowingContinuation { continuation in
            send(call) { continuation.resume(with: $0) }
        }
    }

    func status(of key: PackageKey, version: String) async throws -> PackageVersionStatus? { .deleted }

    func send(_ call: BatchCall, completion: @escaping @Sendable (Result<PackageVersionsOutput, any Error>) -> Void) {
        let key = call.key, versions = call.versions
        var successful: [String: SuccessfulPackageVersion] = [:]
        for version in versions { successful[version] = SuccessfulPackageVersion(revision: "r", status: .deleted) }
        let output = DeletePackageVersionsOutput(result: PackageVersionsResult(successfulVersions: successful, failedVersions: [:]),
                                                 httpStatus: 200, requestID: "req")
        let answer: @Sendable () -> Void = { [self] in
            lock.withLock { inFlight -= 1 }
            completion(.success(output))
        }
        let hold = lock.withLock {
            packages.append(key.package)
            inFlight += 1
            highest = max(highest, inFlight)
            if holding { held.append(answer) }
            return holding
        }
        if !hold { DispatchQueue.global().async(execute: answer) }
    }

    func releaseAll() {
        let answers = lock.withLock {
            let answers = held
            held = []
            return answers
        }
        for answer in answers { answer() }
    }
}

/// Keeps a line per call; answers are durable at once. With `failAfterAnswers`, recording fails
/// once that many answers were recorded, as a full disk would.
private final class MemoryRecorder: AttemptRecorder, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var answers = 0
    private let failAfterAnswers: Int?

    init(failAfterAnswers: Int? = nil) { self.failAfterAnswers = failAfterAnswers }

    var log: [String] { lock.withLock { lines } }

    func recordIntent(_ item: WorkItem, at time: Date) -> Int {
        lock.withLock { lines.append("intent \(item.key.package) \(item.attempts)") }
        return item.priorAttempts + item.attempts
    }

    func recordAnswer(_ item: WorkItem, attempt: Int, answer: AttemptOutcome, at time: Date, latency: Double,
                      durable: @escaping @Sendable () -> Void) {
        lock.withLock {
            lines.append("answer \(item.key.package) \(attempt)")
            answers += 1
        }
        durable()
    }

    var recordingFailure: String? {
        lock.withLock { failAfterAnswers.map { answers >= $0 } == true ? "disk full" : nil }
    }

    func finish(_ reason: StopReason, at time: Date) throws {
        lock.withLock { lines.append("finish \(reason.code)") }
    }
}
