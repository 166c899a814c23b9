import Emulator
import Foundation
import Journal
import Model
import TestSupport
import Testing

/// An archive run by the real binary, killed at random moments and resumed each time, ends as
/// an uninterrupted one would: every version final, each changed once, nothing else touched.
@Suite(.serialized) struct ArchiveCrashResumeTests {
    @Test(.timeLimit(.minutes(4)))
    func killedWithSIGKILLAtRandomMomentsAndResumed() async throws {
        let fixture = try OperationFixture(.archive, packages: 1_500, versionsPerPackage: 8)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(lostResponseRate: 0.02, latencyMilliseconds: 4, latencyJitterMilliseconds: 4,
                                                  skipRate: 0.02, seed: 23)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        func apply() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
            process.arguments = ["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes", "--progress", "never",
                                 "--rate", "200", "--concurrency", "8"]
            process.environment = RunFixture.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            return process
        }
        var rng = SplitMix64(seed: 2027)
        var kills = 0
        for _ in 0..<30 where kills < 22 {
            let process = try apply()
            try await Task.sleep(nanoseconds: (150_000 + rng.next() % 450_000) * 1_000)
            if !process.isRunning { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            // Each kill leaves a journal that replays.
            if FileManager.default.fileExists(atPath: fixture.journalPath) { _ = try fixture.journalStates() }
        }
        #expect(kills >= 20, "the archive finished before 20 kills; make it longer")
        let last = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                                "--progress", "never", "--output", "json"], environment: RunFixture.environment)
        await emulator.stop()
        #expect(last.status == 0, "\(last.stdout)\n\(last.stderr)")
        #expect(last.stdout.contains(#""operation":"archive""#))

        let states = try fixture.journalStates()
        let truth = OperationFixture.Truth(emulator.inventory, operation: .archive)
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.failed, default: []].isEmpty)
        #expect(states[.changed, default: []] == fixture.moved)
        #expect(states[.absent, default: []] == fixture.missing)
        #expect(states[.done, default: []] == truth.changed)
        #expect(truth.changedTwice.isEmpty, "changed twice: \(truth.changedTwice.prefix(5))")
        #expect(truth.changed.isSubset(of: fixture.planned))
        for name in truth.changed { #expect(truth.statuses[name] == "Archived", "\(name)") }
    }
}
