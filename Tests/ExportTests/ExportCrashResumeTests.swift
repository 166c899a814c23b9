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

/// The export's refusals from the service, as a user meets them: one sentence with what to do,
/// and the exit status DESIGN.md gives.
@Suite struct ExportRefusalTests {
    private func export(_ url: String, _ output: String) async throws -> CabatchBinary.Outcome {
        try await CabatchBinary.run(["export", "--domain", "acme", "-o", output, "--endpoint-url", url, "--concurrency", "1",
                                     "--max-attempts", "2", "--progress", "never"], environment: ExportFixture.environment)
    }

    @Test(.timeLimit(.minutes(1)))
    func accessDeniedBeforeAnythingIsListedIsExitFour() async throws {
        let fixture = ExportFixture(packages: 3, versions: 2)
        var configuration = EmulatorConfiguration()
        configuration.deniedRepositories = ["acme/maven-store"]
        let emulator = try await RunningEmulator.start(rows: fixture.rows, configuration: configuration)
        let directory = try TemporaryDirectory("export-denied")
        let outcome = try await export(emulator.url.absoluteString, directory.file("inv.jsonl"))
        await emulator.stop()
        #expect(outcome.status == 4, "\(outcome.stderr)")
        let first = outcome.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("error: not allowed to call ListPackages"), "\(outcome.stderr)")
        #expect(first.contains("grant codeartifact:ListPackages"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("inv.jsonl")))
    }

    @Test(.timeLimit(.minutes(1)))
    func credentialsThatExpireMidwayStopResumablyAndTheSameCommandFinishes() async throws {
        let fixture = ExportFixture(packages: 20, versions: 2)
        var configuration = EmulatorConfiguration()
        configuration.faults.expireCredentialsAfter = 40
        let emulator = try await RunningEmulator.start(rows: fixture.rows, configuration: configuration)
        let directory = try TemporaryDirectory("export-expired")
        let output = directory.file("inv.jsonl")
        let stopped = try await export(emulator.url.absoluteString, output)
        await emulator.stop()
        #expect(stopped.status == 3, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("error: the service refused the credentials (ExpiredTokenException"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("run the same command again to continue"))
        #expect(!stopped.stderr.contains(EmulatorConfiguration.exampleSecretAccessKey))
        #expect(!FileManager.default.fileExists(atPath: output))

        // Fresh credentials (a new emulator with the same state): the same command finishes.
        let again = try await RunningEmulator.start(rows: fixture.rows)
        let finished = try await export(again.url.absoluteString, output)
        await again.stop()
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try ExportFixture.readLines(output) == fixture.expectedLines(publishedTime: false))
    }
}
