import Emulator
import Foundation
import Journal
import Plan
import TestSupport
import SigV4
import Testing
import JSONLines

/// Resuming, stopping at once, sharding and keeping secrets, checked on the real binary by
/// what a live emulator saw.
@Suite struct RunEndToEndTests {
    /// Per logged request: its operation and versions.
    private static func loggedRequests(_ path: String) throws -> [(operation: String, versions: [String])] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let entry = try #require(JSONValue.parse(Array(line.utf8)).objectValue)
            let versions = entry["versions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return (entry["operation"]?.stringValue ?? "", versions)
        }
    }

    /// After `kill -9`, a resumed run asks again only for versions whose earlier attempts have
    /// no recorded answer, and asks for every one of those.
    @Test(.timeLimit(.minutes(2)))
    func aResumeAfterKill9SendsOnlyWhatHasNoRecordedAnswer() async throws {
        let fixture = try RunFixture(packages: 400, versionsPerPackage: 5)
        let log = fixture.directory.file("emulator.log")
        var configuration = EmulatorConfiguration()
        configuration.requestLogPath = log
        configuration.faults = FaultConfiguration(latencyMilliseconds: 15, seed: 9)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let process = try fixture.startApply(url: emulator.url.absoluteString, ["--rate", "100"])
        try await fixture.waitForJournal(bytes: 30_000)
        kill(process.processIdentifier, SIGKILL)
        try await offPool { process.waitUntilExit() }
        emulator.requestLog?.flush()
        let sentBefore = try Self.loggedRequests(log).count

        // What the journal recorded: versions with a final answer, and the pending rest.
        var answered = Set<String>(), pending = Set<String>()
        try fixture.replay().forEachVersion { entry in
            if entry.state == .pending { pending.insert(entry.version) } else { answered.insert(entry.version) }
        }
        #expect(!answered.isEmpty && !pending.isEmpty, "killed too early or too late: \(answered.count) answered")

        let resumed = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString,
                                                   "--yes", "--progress", "never"], environment: RunFixture.environment)
        emulator.requestLog?.flush()
        await emulator.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resent = Set(try Self.loggedRequests(log).dropFirst(sentBefore).flatMap(\.versions))
        #expect(resent.isDisjoint(with: answered), "asked again for answered versions: \(resent.intersection(answered).prefix(5))")
        #expect(resent == pending)
        #expect(EmulatorTruth(emulator.inventory).deletedTwice.isEmpty)
    }

    /// The second Ctrl-C exits at once; the journal still replays and the run resumes to the end.
    @Test(.timeLimit(.minutes(2)))
    func ctrlCTwiceExitsAtOnceWithAConsistentJournal() async throws {
        let fixture = try RunFixture(packages: 40, versionsPerPackage: 4)
        var configuration = EmulatorConfiguration()
        configuration.faults = FaultConfiguration(latencyMilliseconds: 5_000, seed: 3)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let err = Pipe()
        let process = try fixture.startApply(url: emulator.url.absoluteString, ["--concurrency", "16", "--rate", "200"], errors: err)
        try await fixture.waitForJournal(bytes: 2_000)
        let (seconds, text) = try await offPool {
            kill(process.processIdentifier, SIGINT)
            usleep(50_000)
            let start = Date()
            kill(process.processIdentifier, SIGINT)
            // Timed to the moment the process is gone (a zombie), as the kernel says: neither the end
            // of its standard error (a process another test starts meanwhile can hold the pipe open)
            // nor Foundation's notice of the exit, which is late on a machine busy reaping children.
            let stat = "/proc/\(process.processIdentifier)/stat"
            while let text = try? String(contentsOfFile: stat, encoding: .utf8),
                  let state = text.split(separator: ")").last?.split(separator: " ").first, state != "Z",
                  Date().timeIntervalSince(start) < 30 {
                usleep(5_000)
            }
            let seconds = Date().timeIntervalSince(start)
            process.waitUntilExit()
            return (seconds, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        // Requests take 5 s to be answered: a first Ctrl-C alone would have waited for them, so the
        // journal holds attempts without answers, and the exit came well before 5 s.
        #expect(seconds < 4, "took \(seconds) s after the second Ctrl-C")
        #expect(process.terminationStatus == 3)
        #expect(text.contains("Exiting now. The journal is consistent; resume with:"), "\(text)")
        let replay = try fixture.replay()
        #expect(replay.statistics.attempts > replay.statistics.answers, "every attempt was answered: the exit waited")
        #expect(replay.totals.pending > 0)

        let resumed = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString,
                                                   "--yes", "--progress", "never", "--concurrency", "16", "--rate", "200"],
                                                  environment: RunFixture.environment)
        await emulator.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let states = try fixture.journalStates()
        #expect(states[.pending, default: []].isEmpty)
        #expect(EmulatorTruth(emulator.inventory).deletedTwice.isEmpty)
    }

    /// N shard jobs together plan every package exactly once, whichever way the index is given.
    @Test(.timeLimit(.minutes(2)))
    func shardsTogetherTouchEveryPackageOnce() async throws {
        let dir = try TemporaryDirectory("cabatch-shards")
        let generated = try await CabatchBinary.run(["generate", "--rows", "3000", "--seed", "5", "-o", "m.jsonl.zst",
                                                     "--inventory-out", "inv.jsonl"], in: dir.path)
        #expect(generated.status == 0, "\(generated.stderr)")
        var owner: [String: Int] = [:]
        var versions = 0
        for index in 0..<3 {
            let planned = try await CabatchBinary.run(["plan", "m.jsonl.zst", "-o", "s\(index).plan", "--shard", "\(index)/3"], in: dir.path)
            #expect(planned.status == 0, "\(planned.stderr)")
            for request in try PlanFile.read(dir.file("s\(index).plan")).requests {
                let key = request.key.description
                #expect(owner[key, default: index] == index, "\(key) is in shards \(owner[key]!) and \(index)")
                owner[key] = index
                versions += request.versions.count
            }
        }
        let whole = try await CabatchBinary.run(["plan", "m.jsonl.zst", "-o", "all.plan"], in: dir.path)
        #expect(whole.status == 0)
        let all = try PlanFile.read(dir.file("all.plan")).requests
        #expect(Set(all.map(\.key.description)) == Set(owner.keys))
        #expect(all.reduce(0) { $0 + $1.versions.count } == versions)
        #expect(Set(owner.values) == [0, 1, 2])

        // The index from an indexed job's environment gives the same plan bytes.
        for (variable, index) in [("JOB_COMPLETION_INDEX", 1), ("AWS_BATCH_JOB_ARRAY_INDEX", 2)] {
            var environment = ProcessInfo.processInfo.environment
            environment["JOB_COMPLETION_INDEX"] = nil
            environment["AWS_BATCH_JOB_ARRAY_INDEX"] = nil
            environment[variable] = String(index)
            let planned = try await CabatchBinary.run(["plan", "m.jsonl.zst", "-o", "env\(index).plan", "--shard-count", "3"],
                                                      in: dir.path, environment: environment)
            #expect(planned.status == 0, "\(planned.stderr)")
            let fromEnvironment = try Data(contentsOf: URL(fileURLWithPath: dir.file("env\(index).plan")))
            let fromFlag = try Data(contentsOf: URL(fileURLWithPath: dir.file("s\(index).plan")))
            #expect(fromEnvironment == fromFlag, "\(variable)=\(index)")
        }
    }

    /// Neither the secret key nor the session token appears in any output, journal or report.
    @Test(.timeLimit(.minutes(2)))
    func noSecretInAnyOutputJournalOrReport() async throws {
        let fixture = try RunFixture(packages: 20, versionsPerPackage: 3)
        let secret = "kS3cr3t/LeakCheck+9zQ7wXvY2bN4mP6rT8uA1cE5gH0"
        let token = "IQoJb3JpZ2luX2VjELeakCheckSessionToken0123456789"
        var configuration = EmulatorConfiguration()
        configuration.accessKeyID = "AKIDLEAKCHECK"
        configuration.secretAccessKey = secret
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        // Temporary keys: the emulator wants the session token with them.
        emulator.core.accessKeys.insert(Credentials(accessKeyID: "AKIDLEAKCHECK", secretAccessKey: secret, sessionToken: token))
        var environment = RunFixture.environment
        environment["AWS_ACCESS_KEY_ID"] = "AKIDLEAKCHECK"
        environment["AWS_SECRET_ACCESS_KEY"] = secret
        environment["AWS_SESSION_TOKEN"] = token
        let url = emulator.url.absoluteString
        let report = fixture.directory.file("r.html")
        var outputs: [String] = []
        for arguments in [
            ["apply", fixture.planPath, "--endpoint-url", url, "--dry-run"],
            ["apply", fixture.planPath, "--endpoint-url", url, "--yes", "--progress", "always", "--verify", "--report", report],
            ["status", fixture.planPath, "--output", "json"],
            ["report", fixture.planPath, "--format", "json"],
            ["report", fixture.planPath, "--format", "csv"],
        ] {
            let run = try await CabatchBinary.run(arguments, environment: environment)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            outputs += [run.stdout, run.stderr]
        }
        // A wrong secret: the refusal is reported, the secrets are not.
        var wrong = environment
        wrong["AWS_SECRET_ACCESS_KEY"] = secret + "x"
        try? FileManager.default.removeItem(atPath: fixture.journalPath)
        let refused = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", url, "--yes", "--progress", "never"],
                                                  environment: wrong)
        await emulator.stop()
        #expect(refused.status == 4, "\(refused.stdout)\n\(refused.stderr)")
        outputs += [refused.stdout, refused.stderr]
        outputs.append(try String(contentsOfFile: report, encoding: .utf8))
        outputs.append(try String(contentsOfFile: fixture.journalPath, encoding: .utf8))
        for text in outputs {
            #expect(!text.contains(secret) && !text.contains(token), "a secret leaked into: \(text.prefix(300))")
            #expect(!text.contains("kS3cr3t"), "part of the secret leaked into: \(text.prefix(300))")
        }
    }
}
