import Emulator
import Foundation
import Journal
import TestSupport
import Testing
import Model

/// The real binary, killed at random moments and resumed, must end with every planned version
/// final, nothing deleted twice or without a plan, and a journal that replays cleanly.
@Suite(.serialized) struct CrashResumeTests {
    /// How `/bin/sh` splits `text` into words.
    private static func shellWords(_ text: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "for w in " + text + "; do printf '%s\\0' \"$w\"; done"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    private func finishAndCheck(_ fixture: RunFixture, _ emulator: RunningEmulator) async throws {
        let last = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                          "--progress", "never"], environment: RunFixture.environment)
        #expect(last.status == 0, "\(last.stdout)\n\(last.stderr)")
        await emulator.stop()
        let states = try fixture.journalStates()
        let truth = EmulatorTruth(emulator.inventory)
        #expect(states[.pending, default: []].isEmpty)
        #expect(states[.failed, default: []].isEmpty)
        #expect(truth.deletedTwice.isEmpty, "deleted twice: \(truth.deletedTwice.prefix(5))")
        #expect(truth.deleted.isSubset(of: fixture.planned))
        let deleted = states[.done, default: []], absent = states[.absent, default: []]
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
            let process = try fixture.startApply(url: emulator.url.absoluteString, ["--rate", "200", "--concurrency", "8"])
            try await Task.sleep(nanoseconds: (150_000 + rng.next() % 450_000) * 1_000)
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
        let reportPath = fixture.directory.file("the report's copy.json")
        // Every option that shapes a run, as the first run is given them and as the printed
        // resume command must repeat them, word for word once a shell has split it.
        let expectedWords = ["cabatch", "apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString,
                             "--concurrency", "6", "--rate", "80", "--read-rate", "40", "--max-attempts", "5", "--max-failure-rate", "0.4",
                             "--expected-status", "Published", "--report", reportPath, "--progress", "never", "--yes"]
        var command = Array(expectedWords.dropFirst())
        for round in 0..<3 {
            let process = Process()
            if round == 0 {
                process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
                process.arguments = command
            } else {
                // Later rounds run exactly what the previous one printed, through a shell.
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "exec " + command.joined(separator: " ")]
            }
            var environment = RunFixture.environment
            environment["PATH"] = URL(fileURLWithPath: CabatchBinary.path).deletingLastPathComponent().path + ":/usr/bin:/bin"
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Interrupt only once the run is under way: answers are in the journal.
            let journalPath = fixture.journalPath
            let text = try await offPool {
                let deadline = Date().addingTimeInterval(30)
                let before = (try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
                while Date() < deadline {
                    let size = (try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
                    if size > before + 4_000 { break }
                    usleep(20_000)
                }
                kill(process.processIdentifier, SIGINT)
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return text
            }
            #expect(process.terminationStatus == 3, "round \(round): \(text)")
            let printed = try #require(text.components(separatedBy: "Resume with: `").last?.components(separatedBy: "`").first,
                                       "round \(round): \(text)")
            #expect(try Self.shellWords(printed) == expectedWords, "round \(round): \(printed)")
            command = [printed]
            let replay = try fixture.replay()
            #expect(replay.runs.last?.end?.reason == .interrupted)
            #expect(replay.runs.last?.start?.concurrency == 6)
            #expect(replay.totals.pending > 0)
            #expect(FileManager.default.fileExists(atPath: reportPath))
        }
        try await finishAndCheck(fixture, emulator)
    }
}
