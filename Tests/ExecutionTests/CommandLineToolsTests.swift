import Emulator
import Foundation
import Journal
import Manifest
import Plan
import TestSupport
import Testing
import JSONLines
import Model

/// The other commands at the command line, as a user runs them: `cabatch emulator` as its own
/// process, `generate`, `run`, `report` over several shards, and the exit codes of runs that
/// fail or cannot start.
@Suite struct CommandLineToolsTests {
    /// A `cabatch emulator` process; `stop()` sends SIGTERM and waits, so it writes --state-out.
    final class EmulatorProcess: @unchecked Sendable {
        let process = Process()
        let url: String

        init(_ arguments: [String], in directory: String) async throws {
            process.executableURL = URL(fileURLWithPath: CabatchBinary.path)
            process.arguments = ["emulator"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let handle = out.fileHandleForReading
            let first = try await offPool { () -> String in
                var bytes: [UInt8] = []
                while let byte = try handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { bytes.append(byte) }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard first.hasPrefix("listening on http://127.0.0.1:") else {
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "emulator said: \(first)"])
            }
            url = String(first.dropFirst("listening on ".count))
        }

        func stop() async throws {
            process.terminate()
            let process = process
            try await offPool { process.waitUntilExit() }
        }
    }

    private static func jsonLines(_ path: String) throws -> [JSONObject] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(JSONValue.parse(Array(line.utf8)).objectValue)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func generateWritesEveryFormatAndAnInventoryThatHoldsTheManifest() async throws {
        let dir = try TemporaryDirectory("cabatch-generate")
        let run = try await CabatchBinary.run(["generate", "--rows", "4000", "--seed", "7", "-o", "m.jsonl", "--inventory-out", "inv.jsonl"],
                                              in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        func key(_ row: JSONObject) -> String {
            ["domain", "repository", "format", "namespace", "package", "version"].map { row[$0]?.stringValue ?? "" }.joined(separator: "\u{0}")
        }
        let manifest = try Self.jsonLines(dir.file("m.jsonl")), inventory = try Self.jsonLines(dir.file("inv.jsonl"))
        #expect(manifest.count == 4000)
        #expect(Set(manifest.compactMap { $0["format"]?.stringValue }) == Set(PackageFormat.allCases.map(\.rawValue)))
        #expect(Set(inventory.map(key)).isSuperset(of: manifest.map(key)))
        #expect(inventory.count > manifest.count)
        // Every row is valid for the service: planning it rejects nothing.
        let planned = try await CabatchBinary.run(["plan", "m.jsonl", "-o", "m.plan"], in: dir.path)
        #expect(planned.status == 0, "\(planned.stderr)")
    }

    @Test(.timeLimit(.minutes(2)))
    func runAgainstAnEmulatorSeededFromTheManifestThenReportTheShards() async throws {
        let dir = try TemporaryDirectory("cabatch-tools")
        let generated = try await CabatchBinary.run(["generate", "--rows", "1500", "--seed", "3", "-o", "m.jsonl"], in: dir.path)
        #expect(generated.status == 0, "\(generated.stderr)")
        let emulator = try await EmulatorProcess(["--seed-from", "m.jsonl", "--extra", "300", "--state-out", "state.jsonl",
                                                  "--log", "requests.log"], in: dir.path)
        // Two shards, each run with `run` (plan + apply in one step).
        for index in 0..<2 {
            let run = try await CabatchBinary.run(["run", "m.jsonl", "-o", "s\(index).plan", "--shard", "\(index)/2",
                                                   "--endpoint-url", emulator.url, "--yes", "--progress", "never"],
                                                  in: dir.path, environment: RunFixture.environment)
            #expect(run.status == 0, "\(run.stderr)")
        }
        try await emulator.stop()
        // The emulator's state: the manifest's versions deleted once each, the 300 extra ones untouched.
        let state = try Self.jsonLines(dir.file("state.jsonl"))
        #expect(state.count == 1500 + 300)
        #expect(state.filter { $0["deletes"]?.intValue == 1 }.count == 1500)
        #expect(state.filter { $0["deletes"]?.intValue == 0 }.count == 300)
        #expect(try Self.jsonLines(dir.file("requests.log")).allSatisfy { $0["operation"]?.stringValue == "DeletePackageVersions" })

        // One report over both shards, to a file.
        let report = try await CabatchBinary.run(["report", "s0.plan", "s1.plan", "--format", "json", "-o", "r.json"], in: dir.path)
        #expect(report.status == 0, "\(report.stderr)")
        let data = try #require(JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("r.json"))))).objectValue)
        #expect(data["totals"]?.objectValue?["done"]?.intValue == 1500)
        #expect(data["operation"]?.stringValue == "delete")
        #expect(data["shards"]?.arrayValue?.count == 2)
        let failedOnly = try await CabatchBinary.run(["report", "s0.plan", "s1.plan", "--format", "csv", "--failed-only"], in: dir.path)
        #expect(failedOnly.status == 0)
        #expect(failedOnly.stdout.split(separator: "\n").count == 1, "only the header: nothing failed")
    }

    @Test(.timeLimit(.minutes(2)))
    func permanentFailuresAboveTheThresholdStopTheRunResumably() async throws {
        // 1,200 versions in a repository the service does not have: every request is refused
        // for good (ResourceNotFoundException), and past 1,000 answered the run stops.
        let fixture = try RunFixture(packages: 120, versionsPerPackage: 10)
        let rows = [ManifestRow(domain: "acme", repository: "other-store", format: .npm, package: "p", version: "1.0.0")]
        let emulator = try await RunningEmulator.start(rows: rows)
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", "never", "--concurrency", "2"],
                                              environment: RunFixture.environment)
        await emulator.stop()
        #expect(run.status == 3, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("above --max-failure-rate. Resume with:"), "\(run.stdout)")
        #expect(try fixture.replay().totals.pending > 0)
    }

    @Test(.timeLimit(.minutes(2)))
    func anEndpointThatIsNotThereIsExitFour() async throws {
        let fixture = try RunFixture(packages: 5, versionsPerPackage: 1)
        // A port nothing listens on: every connection is refused.
        let closed = try ClosedPort()
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", closed.url, "--yes",
                                               "--progress", "never"], environment: RunFixture.environment)
        withExtendedLifetime(closed) {}
        #expect(run.status == 4, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("endpoint-unreachable"), "\(run.stdout)")
        #expect(try fixture.replay().totals.pending == 5)
    }
}

/// Credentials that expire mid-run, and reports written beside a run in each format.
@Suite struct RunStopsAndReportsTests {
    @Test(.timeLimit(.minutes(2)))
    func credentialsThatExpireMidRunStopItResumably() async throws {
        let fixture = try RunFixture(packages: 100, versionsPerPackage: 2)
        var configuration = EmulatorConfiguration()
        configuration.faults.expireCredentialsAfter = 30
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows, configuration: configuration)
        let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                               "--progress", "never", "--concurrency", "2"], environment: RunFixture.environment)
        await emulator.stop()
        #expect(run.status == 3, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("Stopped: ExpiredTokenException"), "\(run.stdout)")
        #expect(run.stdout.contains("resume with: `cabatch apply"))
        let totals = try fixture.replay().totals
        #expect(totals.done + totals.absent >= 50)
        #expect(totals.pending > 0)
        #expect(totals.failed == 0, "expired credentials fail no version")
    }

    @Test(.timeLimit(.minutes(2)))
    func reportFilesTakeTheirFormatFromTheExtension() async throws {
        let fixture = try RunFixture(packages: 10, versionsPerPackage: 2)
        let emulator = try await RunningEmulator.start(rows: fixture.inventoryRows)
        var texts: [String: String] = [:]
        // The first run writes the Markdown report; the later ones find nothing to do and still write theirs.
        for ext in ["md", "json", "csv", "html"] {
            let path = fixture.directory.file("report.\(ext)")
            let run = try await CabatchBinary.run(["apply", fixture.planPath, "--endpoint-url", emulator.url.absoluteString, "--yes",
                                                   "--progress", "never", "--report", path], environment: RunFixture.environment)
            #expect(run.status == 0, "\(ext): \(run.stderr)")
            #expect(run.stderr.contains("Report written to \(path)."))
            texts[ext] = try String(contentsOfFile: path, encoding: .utf8)
        }
        await emulator.stop()
        #expect(texts["md"]?.hasPrefix("#") == true, "\(texts["md"] ?? "")")
        let json = try #require(JSONValue.parse(Array((texts["json"] ?? "").utf8)).objectValue)
        #expect(json["totals"]?.objectValue?["done"]?.intValue == 20)
        let csv = (texts["csv"] ?? "").split(separator: "\n")
        #expect(csv.count == 21, "a header and one line per version")
        #expect(csv.first?.contains(",") == true)
        #expect(texts["html"]?.lowercased().hasPrefix("<!doctype html>") == true)
    }
}
