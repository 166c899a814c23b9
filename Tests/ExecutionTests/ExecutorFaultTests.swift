import CodeArtifact
import Emulator
import Execution
import Foundation
import Journal
import Plan
import TestSupport
import Testing

/// A run through every fault the service can throw, checked against the emulator's own record.
@Suite struct ExecutorFaultTests {
    @Test(.timeLimit(.minutes(3)))
    func everyVersionEndsFinalAndTheJournalAgreesWithTheService() async throws {
        let fixture = try RunFixture(packages: 2_000, versionsPerPackage: 12)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(throttleTPS: 100, errorRate: 0.05, lostResponseRate: 0.02,
                                                  resetRate: 0.02, skipRate: 0.01, seed: 7)
        var options = ExecutionOptions()
        options.rate = 200  // above the emulator's 100 req/s, so throttling is met and adapted to
        options.concurrency = 16
        options.seed = 3
        let (result, emulator) = try await fixture.runInProcess(configuration, options)

        #expect(result.reason == .completed)
        #expect(result.progress.retries > 0)
        let states = try fixture.journalStates()
        let truth = EmulatorTruth(emulator.inventory)
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.failed, default: []].isEmpty)
        #expect(truth.deletedTwice.isEmpty, "deleted twice: \(truth.deletedTwice.prefix(5))")
        #expect(truth.deleted.isSubset(of: fixture.planned), "deleted without a plan: \(truth.deleted.subtracting(fixture.planned).prefix(5))")
        // Throttling at 100 requests/s binds only when the machine is fast enough to exceed it;
        // `throttlingLowersTheRateAndLosesNothing` checks the adaptation where it always binds.
        // Every answer that said deleted is true; versions deleted by an attempt whose answer was
        // lost come back NOT_FOUND, so they are absent in the journal, like the truly missing ones.
        let deleted = states[.done, default: []], absent = states[.absent, default: []]
        #expect(deleted.isSubset(of: truth.deleted))
        #expect(truth.deleted == deleted.union(absent.subtracting(fixture.missing)))
        #expect(fixture.missing.isSubset(of: absent))
        #expect(deleted.count + absent.count == fixture.planned.count)
    }

    @Test(.timeLimit(.minutes(2)))
    func throttlingLowersTheRateAndLosesNothing() async throws {
        let fixture = try RunFixture(packages: 120, versionsPerPackage: 1)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(throttleTPS: 10, seed: 9)
        var options = ExecutionOptions()
        options.rate = 50
        options.concurrency = 8
        options.retry.maxAttempts = 2
        options.seed = 4
        let (result, emulator) = try await fixture.runInProcess(configuration, options)

        #expect(result.reason == .completed)
        #expect(result.progress.throttled > 0)
        #expect(result.progress.currentRate < 50, "throttling lowered the rate")
        // Throttling is retried beyond --max-attempts: nothing is left pending or failed.
        let states = try fixture.journalStates()
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.failed, default: []].isEmpty)
        #expect(EmulatorTruth(emulator.inventory).deleted == states[.done, default: []])
    }
}
