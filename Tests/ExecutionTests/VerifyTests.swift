import Emulator
import Foundation
import TestSupport
import Testing
import JSONLines

/// `--verify` lists what the journal says is gone, with retries like every other request.
@Suite struct VerifyTests {
    @Test(.timeLimit(.minutes(2)))
    func verifyRetriesServerErrorsAndConfirms() async throws {
        let fixture = try RunFixture(packages: 120, versionsPerPackage: 3)
        let logPath = fixture.directory.file("emulator.log")
        var configuration = EmulatorConfiguration()
        configuration.requestLogPath = logPath
        configuration.faults = FaultConfiguration(errorRate: 0.3, seed: 8)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                         "--progress", "never", "--verify", "--output", "json"],
                                        environment: RunFixture.environment)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Verified: none of the 360 deleted or absent versions in 120 packages is listed any more"),
                "\(run.stderr)")

        // The emulator refused some of the listings with 500, and each was asked again.
        var listings = 0, refused = 0
        for line in try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n") {
            let entry = try #require(JSONValue.parse(Array(line.utf8)).objectValue)
            guard entry["operation"]?.stringValue == "ListPackageVersions" else { continue }
            listings += 1
            if entry["status"]?.intValue == 500 { refused += 1 }
        }
        #expect(refused > 0, "no listing was refused: the test proves nothing")
        #expect(listings == 120 + refused)
    }

    @Test(.timeLimit(.minutes(2)))
    func aVerificationThatCannotFinishSaysSoAndClaimsNoFailure() async throws {
        let fixture = try RunFixture(packages: 20, versionsPerPackage: 2)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows)
        let environment = RunFixture.environment
        let applied = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                             "--progress", "never"], environment: environment)
        #expect(applied.status == 0, "\(applied.stderr)")
        await emulator.stop()

        // Every listing now fails: nothing is left to send, and --verify cannot finish.
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(errorRate: 1, seed: 1)
        let failing = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let verified = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", failing.url.absoluteString, "--yes",
                                              "--progress", "never", "--verify", "--max-attempts", "2", "--output", "json"],
                                             environment: environment)
        await failing.stop()
        #expect(verified.status == 3, "\(verified.stderr)")
        #expect(verified.stderr.contains("--verify could not list"))
        #expect(verified.stderr.contains("--verify again"))
        let summary = try #require(JSONValue.parse(Array(verified.stdout.utf8)).objectValue)
        #expect(summary["versions"]?.objectValue?["failed"]?.intValue == 0)
    }
}
