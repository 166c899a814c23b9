import CodeArtifact
import Emulator
import Execution
import Foundation
import Journal
import Model
import TestSupport
import Testing

@Suite struct ApplyJobTests {
    private func client(_ emulator: RunningEmulator) throws -> CodeArtifactClient {
        CodeArtifactClient(configuration: try ClientConfiguration.resolve(environment: RunFixture.environment,
                                                                          endpointURL: emulator.url.absoluteString),
                           userAgent: "cabatch/test", concurrency: 4, readTimeout: 10)
    }

    private func runStart() -> RunStart {
        RunStart(time: Timestamp(date: Date()), endpoint: "test", region: "us-east-1", concurrency: 4, cabatchVersion: "test")
    }

    @Test func runsThePendingWorkThenVerifiesItAndAResumeFindsNothingToDo() async throws {
        let fixture = try RunFixture(packages: 4, versionsPerPackage: 30)
        let job = try ApplyJob(planPath: fixture.planPath, checkingRequests: true)
        var pending: [Int] = []
        try job.forEachPendingRequest { pending.append($0.id) }
        #expect(pending == fixture.plan.requests.map(\.id))

        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows)
        let client = try client(emulator)
        let recorder = JournalRecorder()
        let opened = try job.openJournal(recorder: recorder, version: "test")
        #expect(opened.created)
        #expect(opened.before.states.pending == fixture.planned.count)
        var options = ExecutionOptions()
        options.concurrency = 4
        var handedOver = false
        let result = try await job.run(opened, client: client, recorder: recorder, runStart: runStart(), options: options,
                                       progressInterval: 1, onProgress: nil) { _ in handedOver = true }
        #expect(handedOver)
        #expect(result.reason == .completed)

        let verification = await job.verify(client: client, readRate: 100, policy: RetryPolicy(maxAttempts: 3))
        #expect(verification.finding == .confirmed)
        #expect(verification.packages == 4 && verification.versions == fixture.planned.count)
        #expect(verification.reads.attempts == 4)
        try await client.shutdown()
        await emulator.stop()

        let again = try job.openJournal(recorder: JournalRecorder(), version: "test")
        #expect(!again.created)
        #expect(again.before.states.pending == 0)
        #expect(again.before.states.done == fixture.planned.count - fixture.missing.count)
        #expect(again.before.states.absent == fixture.missing.count)
        try again.writer.close()
        var left = 0
        try job.forEachPendingRequest { _ in left += 1 }
        #expect(left == 0)
    }

    @Test func verifyNamesVersionsTheJournalCallsGoneThatAreStillListed() async throws {
        let fixture = try RunFixture(packages: 3, versionsPerPackage: 12)
        let job = try ApplyJob(planPath: fixture.planPath, checkingRequests: true)
        let first = try await RunningEmulator.start(rows: fixture.inventoryRows)
        let recorder = JournalRecorder()
        let opened = try job.openJournal(recorder: recorder, version: "test")
        let firstClient = try client(first)
        _ = try await job.run(opened, client: firstClient, recorder: recorder, runStart: runStart(), options: ExecutionOptions(),
                              progressInterval: 1, onProgress: nil) { _ in }
        try await firstClient.shutdown()
        await first.stop()

        // A service that still lists every version the journal says is gone.
        let second = try await RunningEmulator.start(rows: fixture.inventoryRows)
        let secondClient = try client(second)
        let verification = await job.verify(client: secondClient, readRate: 100, policy: RetryPolicy(maxAttempts: 3), limit: 5)
        try await secondClient.shutdown()
        await second.stop()
        #expect(verification.finding == .mismatched)
        #expect(verification.mismatchCount == fixture.planned.count - fixture.missing.count)
        #expect(verification.mismatches.count == 5)
        #expect(verification.mismatches.allSatisfy { $0.found == "listed as Published" })
        #expect(verification.mismatches.allSatisfy { fixture.planned.contains("\($0.key.package)@\($0.version)") })
    }

    @Test func aPlanWhoseManifestChangedIsRefusedBeforeAnythingElse() throws {
        let fixture = try RunFixture(packages: 2, versionsPerPackage: 5)
        let manifest = fixture.directory.file("m.jsonl")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: manifest))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        #expect {
            try ApplyJob(planPath: fixture.planPath, checkingRequests: true)
        } throws: { error in
            "\(error)".contains("m.jsonl changed since") && "\(error)".contains("make the plan again")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
    }

    @Test func aJournalOfAnotherPlanIsRefused() throws {
        let mine = try RunFixture(packages: 2, versionsPerPackage: 5)
        let other = try RunFixture(packages: 3, versionsPerPackage: 5)
        let otherJob = try ApplyJob(planPath: other.planPath, checkingRequests: true)
        try otherJob.openJournal(recorder: JournalRecorder(), version: "test").writer.close()
        try FileManager.default.copyItem(atPath: other.journalPath, toPath: mine.journalPath)
        let job = try ApplyJob(planPath: mine.planPath, checkingRequests: true)
        #expect(throws: ApplyJob.Refusal.self) { try job.openJournal(recorder: JournalRecorder(), version: "test") }
    }
}
