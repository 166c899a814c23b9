import CodeArtifact
import Emulator
import Execution
import Foundation
import Journal
import Model
import Plan
import TestSupport
import Testing

/// Each batch operation through every fault the service can throw, and the answers that only
/// the version's real state can settle.
@Suite struct OperationsTests {
    @Test(.timeLimit(.minutes(3)), arguments: BatchOperation.allCases)
    func aFaultStormEndsWithEveryVersionFinalAndEachChangedOnce(operation: BatchOperation) async throws {
        let fixture = try OperationFixture(operation, packages: 300, versionsPerPackage: 8)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(throttleTPS: 150, errorRate: 0.05, lostResponseRate: 0.05,
                                                  resetRate: 0.03, skipRate: 0.03, seed: 17)
        var options = ExecutionOptions()
        options.rate = 300
        options.concurrency = 12
        options.seed = 5
        let (result, emulator) = try await fixture.runInProcess(configuration, options)

        #expect(result.reason == .completed)
        #expect(result.progress.retries > 0, "no fault was met: the test proves nothing")
        let states = try fixture.journalStates()
        let truth = OperationFixture.Truth(emulator.inventory, operation: operation)
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.failed, default: []].isEmpty, "\(states[.failed, default: []].prefix(5))")
        // Moved versions were left alone and said so; missing ones are absent.
        #expect(states[.changed, default: []] == fixture.moved)
        #expect(fixture.missing.isSubset(of: states[.absent, default: []]))
        #expect(truth.changed.isDisjoint(with: fixture.moved), "a version that moved was changed anyway")
        // Nothing outside the plan, each version once.
        #expect(truth.changed.isSubset(of: fixture.planned), "\(truth.changed.subtracting(fixture.planned).prefix(5))")
        #expect(truth.changedTwice.isEmpty, "changed twice: \(truth.changedTwice.prefix(5))")
        let done = states[.done, default: []], absent = states[.absent, default: []]
        if operation == .delete {
            // A delete whose answer was lost is found NOT_FOUND on its retry: absent, but deleted.
            #expect(done.isSubset(of: truth.changed))
            #expect(truth.changed == done.union(absent.subtracting(fixture.missing)))
        } else {
            // The other operations read the version's status when a retry meets a mismatch: the
            // journal's done set is exactly what the service changed.
            #expect(done == truth.changed)
            #expect(absent == fixture.missing)
            for name in done { #expect(truth.statuses[name] == operation.targetStatus.rawValue, "\(name)") }
        }
        #expect(done.count + absent.count + fixture.moved.count == fixture.planned.count)
    }

    @Test(.timeLimit(.minutes(1)))
    func skippedVersionsGoAgainAtOnceWithoutTheOneThatCouldNotChange() async throws {
        // One request of 8 versions; one of them moved, so the service skips the other 7.
        let fixture = try OperationFixture(.archive, packages: 5, versionsPerPackage: 8)
        #expect(!fixture.moved.isEmpty)
        var options = ExecutionOptions()
        options.retry.maxAttempts = 1  // the skipped versions' second attempt is not theirs to spend
        options.seed = 1
        let (result, emulator) = try await fixture.runInProcess(EmulatorConfiguration(), options)
        let states = try fixture.journalStates()
        #expect(result.reason == .completed)
        #expect(states[.changed, default: []] == fixture.moved)
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.done, default: []] == OperationFixture.Truth(emulator.inventory, operation: .archive).changed)
        // One resend per request that held a moved version, nothing more.
        let requestsWithMoved = Set(fixture.moved.map { $0.split(separator: "@")[0] }).count
        #expect(result.progress.retries == requestsWithMoved)
    }

    @Test(.timeLimit(.minutes(1)))
    func aDisposeWhoseAnswerWasLostIsDoneWhenTheVersionIsDisposed() async throws {
        let fixture = try OperationFixture(.dispose, packages: 4, versionsPerPackage: 5)
        var options = ExecutionOptions()
        options.seed = 2
        let (result, emulator) = try await fixture.runInProcess(EmulatorConfiguration(), options) { client in
            LosingFirstAnswers(ClientTransport(client: client))
        }
        let states = try fixture.journalStates()
        let truth = OperationFixture.Truth(emulator.inventory, operation: .dispose)
        #expect(result.reason == .completed)
        // Every first answer was lost after the work was done: each retry met NOT_ALLOWED or a
        // mismatch, and the version's status said it was disposed.
        #expect(states[.failed, default: []].isEmpty, "\(states[.failed, default: []])")
        #expect(states[.done, default: []] == truth.changed)
        #expect(truth.changedTwice.isEmpty)
        for name in truth.changed { #expect(truth.statuses[name] == "Disposed") }
        #expect(states[.changed, default: []] == fixture.moved)
    }
}

/// Carries out every request but answers the first attempt of each with a 500, as when the
/// service fails after the work was done.
final class LosingFirstAnswers: BatchTransport, @unchecked Sendable {
    private let inner: any BatchTransport
    private let lock = NSLock()
    private var seen = Set<[String]>()

    init(_ inner: any BatchTransport) { self.inner = inner }

    func send(_ call: BatchCall) async throws -> PackageVersionsOutput {
        let output = try await inner.send(call)
        let first = lock.withLock { seen.insert(call.versions).inserted }
        if first {
            throw ServiceError(typeName: "InternalServerException", message: "failed after the work was done", httpStatus: 500,
                               requestID: nil, retryAfter: nil)
        }
        return output
    }

    func status(of key: PackageKey, version: String) async throws -> PackageVersionStatus? {
        try await inner.status(of: key, version: version)
    }
}

/// `--verify` checks what each operation should have left: here an archive, then a version
/// restored behind the plan's back.
@Suite struct OperationVerifyTests {
    @Test(.timeLimit(.minutes(2)))
    func verifyConfirmsAnArchiveAndCatchesAVersionRestoredSince() async throws {
        let fixture = try OperationFixture(.archive, packages: 30, versionsPerPackage: 4)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows)
        let url = emulator.url.absoluteString
        let first = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", url, "--yes", "--progress", "never",
                                                 "--verify"], environment: RunFixture.environment)
        #expect(first.status == 0, "\(first.stderr)")
        let done = try fixture.journalStates()[.done, default: []]
        #expect(first.stderr.contains("Verified: every one of the \(done.count + fixture.missing.count) archived or absent versions"),
                "\(first.stderr)")

        // Someone restores one archived version.
        let victim = try #require(done.sorted().first)
        let parts = victim.split(separator: "@").map(String.init)
        let client = CodeArtifactClient(
            configuration: try ClientConfiguration.resolve(environment: RunFixture.environment, endpointURL: url),
            userAgent: "cabatch/test", concurrency: 1)
        let key = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: parts[0])
        let restored = try await client.send(UpdatePackageVersionsStatus(package: key, versions: [parts[1]], targetStatus: .published))
        try await client.shutdown()
        #expect(restored.successfulVersions[parts[1]] != nil)

        let second = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", url, "--yes", "--progress", "never",
                                                  "--verify"], environment: RunFixture.environment)
        await emulator.stop()
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("Verify: 1 versions are not as the journal records them"), "\(second.stderr)")
        #expect(second.stderr.contains("\(parts[0])@\(parts[1]) in acme/npm-store: listed as Published, not Archived"), "\(second.stderr)")
    }
}
