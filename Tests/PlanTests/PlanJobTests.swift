import Foundation
import JSONLines
import Manifest
import Plan
import TestSupport
import Testing

@Suite struct PlanJobTests {
    private func manifest(in dir: TemporaryDirectory, bad: Int) throws -> String {
        var lines = (0..<20).map { ManifestFixture.line(package: "p\($0 % 3)", version: "1.0.\($0)") }
        for index in 0..<bad { lines.append(#"{"domain":"acme","repository":"r","format":"npm","package":"x","version":""# + "\(index)\"") }
        lines.append(#"{"domain":"acme""#)
        return try dir.write("m.jsonl", ManifestFixture.text(Array(lines.dropLast(bad == 0 ? 1 : 0))))
    }

    @Test func aCleanManifestBecomesASealedPlanAndNoRejectsFile() throws {
        let dir = try TemporaryDirectory()
        let path = try manifest(in: dir, bad: 0)
        try dir.write("m.plan.rejects.jsonl", Array("stale\n".utf8))
        let outcome = try PlanJob(inputs: [InputFile(path)], planPath: dir.file("m.plan"), planner: Planner()).run()
        #expect(outcome.planPath == dir.file("m.plan"))
        #expect(outcome.rejectsPath == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.plan.rejects.jsonl")), "a stale rejects file goes")
        let plan = try PlanFile.read(dir.file("m.plan"))
        #expect(plan.header.totals == outcome.header.totals)
        #expect(plan.header.manifests.map(\.sha256) == [FileDigest.sha256(path: path)])
        #expect(plan.header.totals.versions == 20 && plan.header.totals.packages == 3)
    }

    @Test func rejectsKeepThePlanUnwrittenUnlessSkipped() throws {
        let dir = try TemporaryDirectory()
        let path = try manifest(in: dir, bad: 2)
        let refused = try PlanJob(inputs: [InputFile(path)], planPath: dir.file("m.plan"), planner: Planner()).run()
        #expect(refused.planPath == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.plan")))
        #expect(refused.rejectsPath == dir.file("m.plan.rejects.jsonl"))
        #expect(refused.firstRejects.count == 3 && refused.header.totals.rejects == 3)
        var written = 0
        try JSONLinesReader.forEachLine(of: InputFile(dir.file("m.plan.rejects.jsonl"))) { _, _ in written += 1 }
        #expect(written == 3)

        let skipped = try PlanJob(inputs: [InputFile(path)], planPath: dir.file("m.plan"), rejectsPath: dir.file("r.jsonl"),
                                  planner: Planner(skipInvalid: true)).run()
        #expect(skipped.planPath == dir.file("m.plan"))
        #expect(skipped.rejectsPath == dir.file("r.jsonl"))
        #expect(try PlanFile.read(dir.file("m.plan")).header.totals.versions == 20)
    }

    @Test func anUnreadableManifestIsAFileErrorAndNoPlan() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: FileError.self) {
            try PlanJob(inputs: [InputFile(dir.file("missing.jsonl"))], planPath: dir.file("m.plan"), planner: Planner()).run()
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.plan")))
    }
}
