import Foundation
import Plan
import TestSupport
import Testing
import JSONLines

/// The real binary, given plans edited after `cabatch plan` wrote them: every reader refuses them
/// with one `error:` line, exit status 1, and nothing printed as a request.
@Suite struct SealedPlanTests {
    /// A dry run needs an endpoint and a region, never credentials or the network.
    static let dryRun = ["--dry-run", "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1"]
    /// Example keys and no instance metadata: a run that got past the plan would fail to connect, not look for credentials.
    static let environment = ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
                              "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "AWS_EC2_METADATA_DISABLED": "true"]

    /// Plans 3 npm packages of 120 versions (`1.0.0` … `1.0.119`): requests of 100 and 20 each.
    private func makePlan(_ dir: TemporaryDirectory) throws -> String {
        let lines = (0..<3).flatMap { p in
            (0..<120).map { ManifestFixture.line(namespace: "types", package: "pkg-\(p)", version: "1.0.\($0)") }
        }
        try dir.write("m.jsonl", ManifestFixture.text(lines))
        let planned = try CabatchBinary.run(["plan", "m.jsonl", "-o", "m.plan"], in: dir.path, environment: Self.environment)
        try #require(planned.status == 0, "\(planned.stderr)")
        return dir.file("m.plan")
    }

    private func lines(of path: String) throws -> [String] {
        var lines: [String] = []
        try JSONLinesReader.forEachLine(of: InputFile(path)) { _, line in
            lines.append(String(decoding: UnsafeRawBufferPointer(line!), as: UTF8.self))
        }
        return lines
    }

    /// Writes `lines` back as a plan, recompressed as one zstd frame (what a person with `zstd -dc`,
    /// an editor and `zstd` would produce).
    private func rewrite(_ path: String, _ lines: [String], in dir: TemporaryDirectory) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        try dir.write(name, try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir))
    }

    /// Replaces `old` with `new` in line `number` (1-based), which must contain it.
    private func edit(_ lines: inout [String], line number: Int, _ old: String, _ new: String) throws {
        let edited = lines[number - 1].replacingOccurrences(of: old, with: new)
        try #require(edited != lines[number - 1], "line \(number) has no \(old)")
        lines[number - 1] = edited
    }

    /// Runs `arguments` and checks the refusal: exit 1, one `error:` line naming the plan and
    /// saying to make it again, nothing on standard output.
    @discardableResult
    private func expectRefused(_ arguments: [String], in dir: TemporaryDirectory, mentioning: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let run = try CabatchBinary.run(arguments, in: dir.path, environment: Self.environment)
        #expect(run.status == 1, "\(arguments): \(run.stdout)\n\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(arguments) printed: \(run.stdout.prefix(300))", sourceLocation: sourceLocation)
        let errorLines = run.stderr.split(separator: "\n")
        #expect(errorLines.count == 1 && errorLines.first?.hasPrefix("error: m.plan") == true,
                "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("cabatch plan"), "\(run.stderr)", sourceLocation: sourceLocation)
        for text in mentioning {
            #expect(run.stderr.contains(text), "\(arguments): no \(text) in \(run.stderr)", sourceLocation: sourceLocation)
        }
        return run.stderr
    }

    @Test func versionEditedToABadOneIsRefusedByEveryReader() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        var lines = try lines(of: path)
        // Line 4 is request 3, the first of pkg-1.
        try edit(&lines, line: 4, #""1.0.105""#, #""bad version/with#chars""#)
        try rewrite(path, lines, in: dir)

        let mentions = ["m.plan:4", "request 3", "bad version/with#chars", #"[^#/\s]+"#]
        try expectRefused(["apply", "m.plan"] + Self.dryRun, in: dir, mentioning: mentions)
        try expectRefused(["apply", "m.plan", "--yes"] + Self.dryRun.dropFirst(), in: dir, mentioning: mentions)
        try expectRefused(["status", "m.plan"], in: dir, mentioning: mentions)
        for format in ["markdown", "json", "csv", "html"] {
            try expectRefused(["report", "m.plan", "--format", format], in: dir, mentioning: mentions)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.plan.journal")))
    }

    @Test func versionEditedToAnotherValidOneBreaksTheSeal() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        var lines = try lines(of: path)
        try edit(&lines, line: 4, #""1.0.105""#, #""1.0.999""#)
        try rewrite(path, lines, in: dir)

        try expectRefused(["apply", "m.plan"] + Self.dryRun, in: dir, mentioning: ["seal"])
        try expectRefused(["status", "m.plan"], in: dir, mentioning: ["seal"])
        try expectRefused(["report", "m.plan", "--format", "csv"], in: dir, mentioning: ["seal"])
    }

    @Test func oldFormatVersionIsRefusedWithWhatToDo() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        var lines = try lines(of: path)
        // What the previous format's header looked like: version 1, no seal.
        let header = try JSONValue.parse(Array(lines[0].utf8)).objectValue!
        var old = JSONWriter()
        old.beginObject()
        for (name, value) in header.members where name != "requestsSHA256" {
            old.key(name)
            old.value(name == "formatVersion" ? .integer(1) : value)
        }
        old.endObject()
        lines[0] = String(decoding: old.bytes, as: UTF8.self)
        try rewrite(path, lines, in: dir)

        let mentions = ["format version 1"]
        try expectRefused(["apply", "m.plan"] + Self.dryRun, in: dir, mentioning: mentions)
        try expectRefused(["status", "m.plan"], in: dir, mentioning: mentions)
        try expectRefused(["report", "m.plan"], in: dir, mentioning: mentions)
    }

    /// Plans sealed again after the edit (not something a hand edit does) are still held to the
    /// service's rules before anything is sent.
    @Test(arguments: [
        (2, #""versions":["#, #""versions":["0.0.1","#, "m.plan:2: request 1: it holds 101 versions; a request takes 1 to 100"),
        (3, #"{"id":2,"#, #"{"id":1,"#, "m.plan:3: request 1: its id repeats an earlier request's"),
        (4, #""domain":"acme""#, #""domain":"ACME""#, #"m.plan:4: request 3: domain "ACME" does not match"#),
    ])
    func resealedPlanBreakingARuleIsRefused(line: Int, old: String, new: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        var lines = try lines(of: path)
        try edit(&lines, line: line, old, new)
        let seal = try #require(try PlanFile.readHeader(path).requestsSHA256)
        try edit(&lines, line: 1, seal, SHA256Hex.of(ManifestFixture.text(Array(lines.dropFirst()))))
        try rewrite(path, lines, in: dir)

        let stderr = try expectRefused(["apply", "m.plan"] + Self.dryRun, in: dir, mentioning: [message])
        #expect(!stderr.contains("seal"))
        try expectRefused(["apply", "m.plan", "--yes"] + Self.dryRun.dropFirst(), in: dir, mentioning: [message])
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.plan.journal")))
    }

    @Test func sealedPlanReadsAsOneStreamAndRuns() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        let header = try PlanFile.readHeader(path)
        #expect(header.requestsSHA256 == SHA256Hex.of(ManifestFixture.text(Array(try lines(of: path).dropFirst()))))
        // The header's frame and the requests' frames decompress as one stream with the zstd tool.
        let zstd = Process()
        zstd.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        zstd.arguments = ["zstd", "-dc", path]
        let out = Pipe()
        zstd.standardOutput = out
        try zstd.run()
        let text = out.fileHandleForReading.readDataToEndOfFile()
        zstd.waitUntilExit()
        #expect(zstd.terminationStatus == 0)
        #expect(Array(text) == ManifestFixture.text(try lines(of: path)))

        let run = try CabatchBinary.run(["apply", "m.plan"] + Self.dryRun, in: dir.path, environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "# request ").count - 1 == 6)
        let status = try CabatchBinary.run(["status", "m.plan"], in: dir.path, environment: Self.environment)
        #expect(status.status == 0, "\(status.stderr)")
        let report = try CabatchBinary.run(["report", "m.plan", "--format", "csv"], in: dir.path, environment: Self.environment)
        #expect(report.status == 0, "\(report.stderr)")
    }
}
