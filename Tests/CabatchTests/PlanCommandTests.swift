import Foundation
import Manifest
import Plan
import TestSupport
import Testing
import JSONLines

/// The real `cabatch` binary, run as a user would.
@Suite struct PlanCommandTests {
    @Test func rejectsStopThePlanAndAreWrittenWithTheirLines() throws {
        let dir = try TemporaryDirectory()
        let gen = try CabatchBinary.run(["generate", "--rows", "500", "--seed", "3", "--bad", "15", "-o", "m.jsonl.zst"], in: dir.path)
        #expect(gen.status == 0, "\(gen.stderr)")

        let refused = try CabatchBinary.run(["plan", "m.jsonl.zst", "-o", "m.plan"], in: dir.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("15 manifest lines rejected"))
        #expect(refused.stdout.contains("No plan written."))
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.plan")))

        var kinds = Set<String>()
        try JSONLinesReader.forEachLine(of: InputFile(dir.file("m.plan.rejects.jsonl"))) { _, line in
            let reject = try JSONValue.parse(UnsafeRawBufferPointer(line!)).objectValue!
            kinds.insert(reject["kind"]!.stringValue!)
            #expect(reject["file"]?.stringValue == "m.jsonl.zst")
            #expect((reject["line"]?.intValue ?? 0) > 0)
            #expect(reject["message"]?.stringValue?.isEmpty == false)
        }
        #expect(kinds == Set(RejectKind.allCases.map(\.rawValue)))

        let planned = try CabatchBinary.run(["plan", "m.jsonl.zst", "-o", "m.plan", "--skip-invalid", "--output", "json"], in: dir.path)
        #expect(planned.status == 0, "\(planned.stderr)")
        let summary = try JSONValue.parse(Array(planned.stdout.utf8)).objectValue!
        #expect(summary["plan"]?.stringValue == "m.plan")
        let plan = try PlanFile.read(dir.file("m.plan"))
        #expect(plan.header.totals.versions == 500)
        #expect(plan.header.totals.rejects == 15)
    }

    @Test func readsStandardInputAndWritesASummaryTable() throws {
        let dir = try TemporaryDirectory()
        let lines = (0..<120).map { ManifestFixture.line(namespace: "types", package: "node", version: "1.0.\($0)") }
        let run = try CabatchBinary.run(["plan", "-", "-o", "stdin.plan"], in: dir.path, stdin: ManifestFixture.text(lines + [""]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("120 valid rows, 1 blank"))
        #expect(run.stdout.contains("Plan: 1 packages, 2 requests, 120 versions"))
        #expect(run.stdout.contains("REPOSITORY"))
        #expect(try PlanFile.read(dir.file("stdin.plan")).requests.map(\.versions.count) == [100, 20])
    }

    @Test func badUsageIsExitOneWithAHint() throws {
        let run = try CabatchBinary.run(["plan", "m.jsonl", "--shard", "4/4"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("shard"))
        // The parser's own refusals too: a missing argument, an unknown option or command.
        for arguments in [["plan"], ["apply", "p.plan", "--concurrency", "0"], ["apply", "p.plan", "--no-such-option"], ["no-such-command"]] {
            let refused = try CabatchBinary.run(arguments)
            #expect(refused.status == 1, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("Error:") || refused.stderr.contains("error:"), "\(arguments): \(refused.stderr)")
        }
        #expect(try CabatchBinary.run(["--help"]).status == 0)
        #expect(try CabatchBinary.run(["apply", "--help"]).status == 0)
        let missing = try CabatchBinary.run(["plan", "/nonexistent/m.jsonl"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/m.jsonl: cannot open"))
    }
}
