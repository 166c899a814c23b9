import Emulator
import Foundation
import Journal
import TestSupport
import Testing
import JSONLines

/// A run's closing summary, the JSON report and `status` count the same attempts, retries and
/// throttled answers, also when Ctrl-C stops a throttled run with retries still waiting and
/// when a later run resumes it.
@Suite struct RunCountsAgreementTests {
    private struct Counts: Equatable, CustomStringConvertible {
        var attempts = 0, retries = 0, throttled = 0
        var description: String { "\(attempts) attempts, \(retries) retries, \(throttled) throttled" }
    }

    private static func object(_ text: String) throws -> JSONObject {
        try #require(JSONValue.parse(Array(text.utf8)).objectValue, "not a JSON object: \(text)")
    }

    @Test(.timeLimit(.minutes(2)))
    func theClosingSummaryTheReportAndStatusCountTheSameAttempts() async throws {
        let fixture = try RunFixture(packages: 1_000, versionsPerPackage: 2)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(throttleTPS: 40, latencyMilliseconds: 5, seed: 3)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let arguments = ["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                         "--progress", "never", "--rate", "200", "--output", "json"]

        // Run 1: stopped by Ctrl-C while throttled answers are being retried.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
        process.arguments = arguments
        process.environment = RunFixture.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let firstText = try await offPool {
            let deadline = Date().addingTimeInterval(30)
            // Right after the first throttled answer: its retry waits for Retry-After (a second),
            // so it is decided but never sent.
            while Date() < deadline, (try? fixture.replay().statistics.throttled) ?? 0 < 1 { usleep(10_000) }
            kill(process.processIdentifier, SIGINT)
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let first = try Self.object(firstText)
        #expect(process.terminationStatus == 3)
        let afterFirst = try fixture.replay().statistics

        // Run 2: resumes to the end.
        let second = try await CabatchBinary.run(arguments, environment: RunFixture.environment)
        #expect(second.status == 0, "\(second.stderr)")
        await emulator.stop()

        var perRun: [Counts] = []
        for summary in [first, try Self.object(second.stdout)] {
            let run = try #require(summary["run"]?.objectValue)
            perRun.append(Counts(attempts: run["requestsSent"]?.intValue ?? -1, retries: run["retries"]?.intValue ?? -1,
                                 throttled: run["throttled"]?.intValue ?? -1))
        }
        #expect(perRun[0].throttled > 0, "the first run met no throttling: \(perRun[0])")
        #expect(perRun[1].retries > 0, "the second run retried nothing: \(perRun[1])")

        let report = try await CabatchBinary.run(["report", fixture.planPath, "--format", "json"], environment: RunFixture.environment)
        #expect(report.status == 0, "\(report.stderr)")
        let requests = try #require(try Self.object(report.stdout)["requests"]?.objectValue)
        let reported = Counts(attempts: requests["attempts"]?.intValue ?? -1, retries: requests["retries"]?.intValue ?? -1,
                              throttled: requests["throttled"]?.intValue ?? -1)

        let status = try await CabatchBinary.run(["status", fixture.planPath, "--output", "json"], environment: RunFixture.environment)
        #expect(status.status == 0, "\(status.stderr)")
        let statusObject = try Self.object(status.stdout)
        let fromStatus = Counts(attempts: statusObject["attempts"]?.intValue ?? -1, retries: statusObject["retries"]?.intValue ?? -1,
                                throttled: statusObject["throttled"]?.intValue ?? -1)

        let journal = try fixture.replay().statistics
        let fromJournal = Counts(attempts: journal.attempts, retries: journal.retries, throttled: journal.throttled)
        let secondRun = journal.since(afterFirst)
        #expect(perRun[0] == Counts(attempts: afterFirst.attempts, retries: afterFirst.retries, throttled: afterFirst.throttled))
        #expect(perRun[1] == Counts(attempts: secondRun.attempts, retries: secondRun.retries, throttled: secondRun.throttled))
        #expect(reported == fromJournal)
        #expect(fromStatus == fromJournal)
    }
}
