import Emulator
import Export
import Foundation
import Model
import TestSupport
import Testing

/// The real binary, killed at random moments while exporting from an emulator with read faults
/// on, then run again with the same command: the inventory is the same bytes as an
/// uninterrupted export's.
@Suite(.serialized) struct ExportCrashResumeTests {
    private static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
        process.arguments = arguments
        process.environment = ExportFixture.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func faults(seed: UInt64) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(errorRate: 0.03, resetRate: 0.02, latencyMilliseconds: 5,
                                                  latencyJitterMilliseconds: 10, seed: seed)
        configuration.faults.readThrottleTPS = 1_500
        return configuration
    }

    @Test(.timeLimit(.minutes(4)))
    func killedAtRandomMomentsTheResumedExportIsByteIdentical() async throws {
        let fixture = ExportFixture(packages: 400, versions: 4, seed: 21)
        let directory = try TemporaryDirectory("export-crash")
        let emulator = try await RunningEmulator.start(rows: fixture.rows, configuration: Self.faults(seed: 3))
        let url = emulator.url.absoluteString
        func arguments(_ output: String) -> [String] {
            ["export", "--domain", "acme", "-o", output, "--endpoint-url", url, "--read-rate", "2000", "--concurrency", "4",
             "--progress", "never", "--output", "json"]
        }

        let whole = directory.file("whole.jsonl.zst")
        let reference = try await CabatchBinary.run(arguments(whole), environment: ExportFixture.environment)
        #expect(reference.status == 0, "\(reference.stderr)")

        let resumed = directory.file("resumed.jsonl.zst")
        var rng = SplitMix64(seed: 99)
        var kills = 0
        for _ in 0..<30 where kills < 12 {
            let process = try Self.start(arguments(resumed))
            try await Task.sleep(nanoseconds: (80 + rng.next() % 500) * 1_000_000)
            if !process.isRunning { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // It may have finished just before the kill; then the inventory is whole, and the rounds end.
            if process.terminationReason == .exit { break }
            kills += 1
            // Nothing half-written where the inventory belongs.
            #expect(!FileManager.default.fileExists(atPath: resumed))
        }
        #expect(kills >= 10, "the export finished before 10 kills; make it longer")
        let last = try await CabatchBinary.run(arguments(resumed), environment: ExportFixture.environment)
        await emulator.stop()
        #expect(last.status == 0, "\(last.stderr)")
        #expect(last.stdout.contains("\"resumedPackages\""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == Data(contentsOf: URL(fileURLWithPath: whole)))
        #expect(!FileManager.default.fileExists(atPath: resumed + ".export-state"))
        // And the uninterrupted one is the emulator's state exactly.
        #expect(try ExportFixture.readLines(whole) == fixture.expectedLines(publishedTime: false))
    }

    @Test(.timeLimit(.minutes(2)))
    func ctrlCKeepsWhatWasListedAndPrintsTheCommandThatContinues() async throws {
        let fixture = ExportFixture(packages: 200, versions: 3, seed: 5)
        let directory = try TemporaryDirectory("export-int")
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(latencyMilliseconds: 15, seed: 2)
        let emulator = try await RunningEmulator.start(rows: fixture.rows, configuration: configuration)
        let output = directory.file("inventory.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
        process.arguments = ["export", "--domain", "acme", "-o", output, "--endpoint-url", emulator.url.absoluteString,
                             "--concurrency", "2", "--progress", "never"]
        process.environment = ExportFixture.environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Interrupt once packages are being written.
        let rows = output + ".export-state/rows.jsonl"
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, ((try? FileManager.default.attributesOfItem(atPath: rows)[.size] as? Int) ?? 0) == 0 {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        kill(process.processIdentifier, SIGINT)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3, "\(stderr)")
        #expect(stdout.contains("Continue with: cabatch export --domain acme -o \(output)"), "\(stdout)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(FileManager.default.fileExists(atPath: output + ".export-state/progress.jsonl"))

        let again = try await CabatchBinary.run(["export", "--domain", "acme", "-o", output, "--endpoint-url", emulator.url.absoluteString,
                                                 "--concurrency", "2", "--progress", "never", "--output", "json"],
                                                environment: ExportFixture.environment)
        await emulator.stop()
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("Resuming the export kept in \(output).export-state"))
        #expect(try ExportFixture.readLines(output) == fixture.expectedLines(publishedTime: false))
    }
}
