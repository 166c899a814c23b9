import Emulator
import Foundation
import Journal
import Plan
import TestSupport
import Testing
import JSONLines

/// What the README promises about `apply`, checked on the real binary against a live emulator,
/// by what the emulator saw.
@Suite struct CommandLineBehaviourTests {
    /// The operations the emulator logged, in order.
    private static func loggedOperations(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(JSONValue.parse(Array(line.utf8)).objectValue?["operation"]?.stringValue)
        }
    }

    private static func emulator(_ fixture: RunFixture, latency: Int = 0, accessKeyID: String? = nil,
                                 secretAccessKey: String? = nil) async throws -> (RunningEmulator, String) {
        let log = fixture.directory.file("emulator-\(UUID().uuidString).log")
        var configuration = EmulatorConfiguration()
        configuration.requestLogPath = log
        configuration.faults = FaultConfiguration(latencyMilliseconds: latency, seed: 2)
        if let accessKeyID { configuration.accessKeyID = accessKeyID }
        if let secretAccessKey { configuration.secretAccessKey = secretAccessKey }
        return (try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration), log)
    }

    @Test(.timeLimit(.minutes(2)))
    func aDryRunShowsEveryRequestAndSendsNothing() async throws {
        let fixture = try RunFixture(packages: 30, versionsPerPackage: 3)
        let (emulator, log) = try await Self.emulator(fixture)
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--dry-run"],
                                              environment: RunFixture.environment)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "# request ").count - 1 == 30)
        #expect(run.stdout.contains("POST /v1/package/versions/delete"))
        #expect(try Self.loggedOperations(log).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
    }

    @Test(.timeLimit(.minutes(2)))
    func withoutATerminalOrYesNothingIsSent() async throws {
        let fixture = try RunFixture(packages: 10, versionsPerPackage: 2)
        let (emulator, log) = try await Self.emulator(fixture)
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString],
                                              environment: RunFixture.environment)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(run.status == 1)
        #expect(run.stderr.contains("add --yes"), "\(run.stderr)")
        #expect(run.stderr.contains("Nothing was sent."))
        #expect(try Self.loggedOperations(log).isEmpty)
    }

    /// Answers the confirmation on a pseudo-terminal, as a person would.
    private static func applyAnswering(_ answer: String, fixture: RunFixture, url: String) async throws -> (Int32, String) {
        let script = """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execve(sys.argv[1], sys.argv[1:2] + ["apply", sys.argv[2], "--endpoint-url", sys.argv[3], "--progress", "never"], dict(os.environ))
            out = b""
            while b"Type yes" not in out:
                chunk = os.read(fd, 4096)
                if not chunk: break
                out += chunk
            os.write(fd, sys.argv[4].encode() + b"\\n")
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk: break
                out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode(errors="replace"))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        var environment = RunFixture.environment
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let pythonEnvironment = environment
        return try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, CabatchBinary.path, fixture.planPath, url, answer]
            process.environment = pythonEnvironment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func onATerminalItAsksAndOnlyYesProceeds() async throws {
        let fixture = try RunFixture(packages: 10, versionsPerPackage: 2)
        let (emulator, log) = try await Self.emulator(fixture)
        let (refusedStatus, refused) = try await Self.applyAnswering("no", fixture: fixture, url: emulator.url.absoluteString)
        emulator.requestLog?.flush()
        #expect(refusedStatus == 1, "\(refused)")
        #expect(refused.contains("About to delete 20 versions in 10 requests (DeletePackageVersions). This cannot be undone."), "\(refused)")
        #expect(refused.contains("Nothing was sent."))
        #expect(try Self.loggedOperations(log).isEmpty)

        let (status, text) = try await Self.applyAnswering("yes", fixture: fixture, url: emulator.url.absoluteString)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(status == 0, "\(text)")
        #expect(try Self.loggedOperations(log) == Array(repeating: "DeletePackageVersions", count: 10))
    }

    @Test(.timeLimit(.minutes(2)))
    func aSecondApplyOfTheSamePlanIsLockedOut() async throws {
        let fixture = try RunFixture(packages: 200, versionsPerPackage: 2)
        let (emulator, _) = try await Self.emulator(fixture, latency: 20)
        // 40 s of work at this rate: the first apply is still running however loaded the machine is.
        let first = try fixture.startApply(url: emulator.url.absoluteString, ["--rate", "5"])
        try await fixture.waitForJournal(bytes: 2_000)
        let second = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                                  "--progress", "never"], environment: RunFixture.environment)
        #expect(first.isRunning, "the first apply ended before the second one started: the test proves nothing")
        kill(first.processIdentifier, SIGINT)
        try await offPool { first.waitUntilExit() }
        await emulator.stop()
        #expect(second.status == 1)
        #expect(second.stderr.contains("is locked by another cabatch apply of the same plan"), "\(second.stderr)")
    }

    @Test(.timeLimit(.minutes(2)))
    func aPlanWhoseManifestChangedIsRefused() async throws {
        let dir = try TemporaryDirectory("cabatch-changed")
        let manifest = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line(package: "p", version: "1.0.0")]))
        let planned = try await CabatchBinary.run(["plan", manifest, "-o", dir.file("m.plan")])
        #expect(planned.status == 0, "\(planned.stderr)")
        _ = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line(package: "p", version: "2.0.0")]))
        let run = try await CabatchBinary.run(["apply", dir.file("m.plan"), "--endpoint-url", "http://127.0.0.1:9", "--yes"],
                                              environment: RunFixture.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("changed since"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: JournalFile.path(forPlan: dir.file("m.plan"))))
    }

    private static func stderrOfRun(progress mode: String, requests: Int, rate: Int) async throws -> String {
        let fixture = try RunFixture(packages: requests, versionsPerPackage: 1)
        let (emulator, _) = try await Self.emulator(fixture)
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", mode, "--rate", String(rate)], environment: RunFixture.environment)
        await emulator.stop()
        #expect(run.status == 0, "\(mode): \(run.stderr)")
        return run.stderr
    }

    @Test(.timeLimit(.minutes(2)))
    func progressIsDrawnAsAsked() async throws {
        // Not a terminal here: `always` draws the updating line anyway, `auto` writes a plain
        // line every 10 s (this run takes about 12 s), `never` nothing.
        async let always = Self.stderrOfRun(progress: "always", requests: 20, rate: 10)
        async let auto = Self.stderrOfRun(progress: "auto", requests: 50, rate: 4)
        async let never = Self.stderrOfRun(progress: "never", requests: 20, rate: 10)
        let (a, b, c) = try await (always, auto, never)
        #expect(a.contains("\r\u{1B}[2K"))
        #expect(a.contains("versions ("))
        #expect(!b.contains("\r"))
        #expect(b.components(separatedBy: "versions (").count - 1 >= 1, "\(b)")
        #expect(!c.contains("versions ("), "\(c)")
    }
}
