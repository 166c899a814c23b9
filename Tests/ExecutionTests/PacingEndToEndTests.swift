import Emulator
import Foundation
import Journal
import TestSupport
import Testing
import JSONLines

/// How the binary paces itself, read off the emulator's log: when each request arrived and how
/// it was answered.
@Suite struct PacingEndToEndTests {
    private struct Arrival {
        var time: Double
        var status: Int?
        var error: String?
    }

    private static func arrivals(_ path: String) throws -> [Arrival] {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let entry = try #require(JSONValue.parse(Array(line.utf8)).objectValue)
            let time = try #require(format.date(from: entry["time"]?.stringValue ?? ""))
            return Arrival(time: time.timeIntervalSince1970, status: entry["status"]?.intValue, error: entry["error"]?.stringValue)
        }
    }

    private static func emulator(_ fixture: RunFixture, _ faults: FaultConfiguration) async throws -> (RunningEmulator, String) {
        let log = fixture.directory.file("emulator.log")
        var configuration = EmulatorConfiguration()
        configuration.requestLogPath = log
        configuration.faults = faults
        return (try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration), log)
    }

    /// With every answer 200 ms after its request arrives, the emulator never holds more than
    /// `--concurrency` requests at once, and does hold that many.
    @Test(.timeLimit(.minutes(2)))
    func neverMoreThanConcurrencyRequestsInFlight() async throws {
        let fixture = try RunFixture(packages: 60, versionsPerPackage: 1)
        let (emulator, log) = try await Self.emulator(fixture, FaultConfiguration(latencyMilliseconds: 200, seed: 1))
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", "never", "--concurrency", "3", "--rate", "500"],
                                              environment: RunFixture.environment)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(run.status == 0, "\(run.stderr)")
        // Each request occupies [arrival, arrival + 200 ms): the most that overlap at any arrival.
        let times = try Self.arrivals(log).map(\.time).sorted()
        var most = 0
        for (index, time) in times.enumerated() {
            most = max(most, times[...index].filter { time < $0 + 0.2 }.count)
        }
        #expect(times.count == 60)
        #expect(most <= 3, "\(most) requests in flight at once")
        #expect(most == 3, "the run never filled its 3 slots: the test proves nothing")
    }

    /// A throttled answer's Retry-After holds every worker, not only the one that got it.
    @Test(.timeLimit(.minutes(2)))
    func oneRetryAfterPausesEveryWorker() async throws {
        // A throttle low enough that a run slowed down by a loaded machine still goes past it.
        let fixture = try RunFixture(packages: 150, versionsPerPackage: 1)
        let (emulator, log) = try await Self.emulator(fixture, FaultConfiguration(throttleTPS: 10, seed: 1))
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", "never", "--concurrency", "8", "--rate", "200"],
                                              environment: RunFixture.environment)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let arrivals = try Self.arrivals(log).sorted { $0.time < $1.time }
        let first = try #require(arrivals.first { $0.status == 429 }, "nothing was throttled: the test proves nothing")
        // The answer said Retry-After ≥ 1 s. Nothing may be sent from then until the second is
        // over; requests already on their way (at most the 8 in flight) may still arrive, late on
        // a busy machine. Without the pause the other workers go on at some 100 requests/s.
        let quiet = arrivals.filter { $0.time > first.time + 0.05 && $0.time < first.time + 0.95 }
        #expect(quiet.count <= 8, "\(quiet.count) requests arrived during the Retry-After pause")
    }

    /// Ctrl-C once: nothing new is sent, and every request in flight is answered and journaled.
    @Test(.timeLimit(.minutes(2)))
    func ctrlCOnceSendsNothingNewAndRecordsEveryAnswerInFlight() async throws {
        let fixture = try RunFixture(packages: 200, versionsPerPackage: 2)
        let (emulator, log) = try await Self.emulator(fixture, FaultConfiguration(latencyMilliseconds: 500, seed: 1))
        let process = try fixture.startApply(url: emulator.url.absoluteString, ["--concurrency", "8", "--rate", "100"])
        try await fixture.waitForJournal(bytes: 6_000)
        let interruptedAt = try await offPool { () -> Double in
            let now = Date().timeIntervalSince1970
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return now
        }
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(process.terminationStatus == 3)
        // Only the requests already in flight (at most 8) may arrive after Ctrl-C, late on a busy
        // machine; without the stop the run would send its remaining hundreds.
        let late = try Self.arrivals(log).filter { $0.time > interruptedAt + 0.05 }
        #expect(late.count <= 8, "\(late.count) requests arrived after Ctrl-C")
        let replay = try fixture.replay()
        #expect(replay.statistics.attempts == replay.statistics.answers, "an attempt in flight was left without its answer")
        #expect(replay.totals.pending > 0)
    }
}
