@testable import Execution
import Emulator
import Foundation
import Journal
import TestSupport
import Testing
import Model

/// An endpoint that stops answering stops the run, resumably, soon after its last answer.
@Suite struct DeadEndpointTests {
    @Test func silenceCountsOnlyWhenAttemptsFailWithoutAnswers() {
        #expect(SchedulingMachine.endpointIsSilent(now: 12, lastAnswerAt: 1, unansweredInARow: 3, limit: 10))
        #expect(!SchedulingMachine.endpointIsSilent(now: 10.5, lastAnswerAt: 1, unansweredInARow: 3, limit: 10))
        // Waiting out a long Retry-After is not silence: the last attempt was answered.
        #expect(!SchedulingMachine.endpointIsSilent(now: 70, lastAnswerAt: 1, unansweredInARow: 0, limit: 10))
    }

    @Test(.timeLimit(.minutes(2)))
    func aDeadEndpointStopsTheRunSoonAfterItsLastAnswer() async throws {
        let fixture = try RunFixture(packages: 1_000, versionsPerPackage: 4)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(latencyMilliseconds: 10, seed: 4)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let out = Pipe(), err = Pipe()
        let process = try fixture.startApply(url: emulator.url.absoluteString, ["--rate", "50"], output: out, errors: err)
        try await fixture.waitForJournal(bytes: 20_000)
        await emulator.stop()
        // Hold the port, refusing, so that no emulator of a test running alongside answers on it.
        let closed = try ClosedPort(port: emulator.port)
        let stoppedAt = Date()
        let (text, errors) = try await offPool {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (text, errors)
        }
        let seconds = Date().timeIntervalSince(stoppedAt)
        #expect(process.terminationStatus == 3, "\(text)\n\(errors)")
        // By the run's own clock, as its journal shows it: the run ended within 10 s of the last
        // answer (plus the one-second watchdog and some slack for a loaded machine).
        let replay = try fixture.replay()
        var lastAnswer: Timestamp?
        replay.forEachSettlement { time, settled, _ in if settled > 0 { lastAnswer = max(lastAnswer ?? time, time) } }
        let end = try #require(replay.runs.last?.end?.time)
        let silence = try #require(lastAnswer).seconds(to: end)
        #expect(silence >= 9 && silence <= 14, "the run ended \(silence) s after the endpoint's last answer")
        // And by the wall clock, loosely: without the rule it waited for dozens of failed attempts.
        #expect(seconds <= 40, "stopped \(seconds) s after the endpoint went away")
        #expect(text.contains("endpoint-unreachable"), "\(text)")
        #expect(text.contains("resume with: `cabatch apply \(fixture.planPath)"), "\(text)")
        #expect(replay.totals.pending > 0)
        withExtendedLifetime(closed) {}
    }
}
