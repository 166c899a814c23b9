import Emulator
import Foundation
import Journal
import Manifest
import TestSupport
import Testing

/// The real binary, killed at random moments and resumed, must end with every planned version
/// final, nothing deleted twice or without a plan, and a journal that replays cleanly.
@Suite(.serialized) struct CrashResumeTests {
    private func startApply(_ fixture: RunFixture, emulator: RunningEmulator) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
        process.arguments = ["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                             "--progress", "never", "--rate", "200", "--concurrency", "8"]
        process.environment = RunFixture.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func finishAndCheck(_ fixture: RunFixture, _ emulator: RunningEmulator) async throws {
        let last = try CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                          "--progress", "never"], environment: RunFixture.environment)
        #expect(last.status == 0, "\(last.stdout)\n\(last.stderr)")
        await emulator.stop()
        let states = try fixture.journalStates()
        let truth = EmulatorTruth(emulator.inventory)
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.failed, default: []].isEmpty)
        #expect(truth.deletedTwice.isEmpty, "deleted twice: \(truth.deletedTwice.prefix(5))")
        #expect(truth.deleted.isSubset(of: fixture.planned))
        let deleted = states[.deleted, default: []], absent = states[.absent, default: []]
        #expect(deleted.isSubset(of: truth.deleted))
        #expect(truth.deleted == deleted.union(absent.subtracting(fixture.missing)))
        #expect(deleted.count + absent.count == fixture.planned.count)
    }

    @Test(.timeLimit(.minutes(4)))
    func killedWithSIGKILLAtRandomMomentsAndResumed() async throws {
        let fixture = try RunFixture(packages: 1_500, versionsPerPackage: 8)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(latencyMilliseconds: 4, latencyJitterMilliseconds: 4, seed: 11)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        var rng = SplitMix64(seed: 2026)
        var rounds = 0
        for _ in 0..<24 {
            let process = try startApply(fixture, emulator: emulator)
            usleep(UInt32(150_000 + rng.next() % 450_000))
            if !process.isRunning { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            rounds += 1
            // Each kill leaves a journal that replays (a torn last line is tolerated); a kill
            // before the journal was created leaves none.
            if FileManager.default.fileExists(atPath: fixture.journalPath) { _ = try fixture.replay() }
        }
        #expect(rounds >= 20, "the run finished before 20 kills; make it longer")
        try await finishAndCheck(fixture, emulator)
    }

    @Test(.timeLimit(.minutes(3)))
    func ctrlCStopsCleanlyAndPrintsTheResumeCommand() async throws {
        let fixture = try RunFixture(packages: 600, versionsPerPackage: 8)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(latencyMilliseconds: 20, seed: 5)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        for round in 0..<3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
            process.arguments = ["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                 "--progress", "never", "--rate", "100"]
            process.environment = RunFixture.environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Interrupt only once the run is under way: answers are in the journal.
            let deadline = Date().addingTimeInterval(30)
            let before = (try? FileManager.default.attributesOfItem(atPath: fixture.journalPath)[.size] as? Int) ?? 0
            while Date() < deadline {
                let size = (try? FileManager.default.attributesOfItem(atPath: fixture.journalPath)[.size] as? Int) ?? 0
                if size > before + 4_000 { break }
                usleep(20_000)
            }
            kill(process.processIdentifier, SIGINT)
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 3, "round \(round): \(text)")
            #expect(text.contains("Resume with: `cabatch apply \(fixture.planPath)"))
            let replay = try fixture.replay()
            #expect(replay.runs.last?.end?.reason == .interrupted)
            #expect(replay.totals.pending > 0)
        }
        try await finishAndCheck(fixture, emulator)
    }
}
