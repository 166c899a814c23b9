import Foundation
import Manifest
import Plan
import TestSupport
import Testing

@Suite struct PlanFileTests {
    private func makePlan(_ dir: TemporaryDirectory, versions: Int = 250) throws -> String {
        let lines = (0..<versions).map { ManifestFixture.line(namespace: "types", package: "node", version: "18.0.\($0)") }
            + [ManifestFixture.line(format: "pypi", package: "requests", version: "2.0 beta")] // rejected: space
        let manifest = try dir.write("m.jsonl", ManifestFixture.text(lines))
        let result = try Planner(skipInvalid: true).plan([ManifestInput(manifest)]) { _ in }
        let path = dir.file("m.plan")
        try PlanFile.write(result.header, requests: result.builder, to: path)
        return path
    }

    @Test func roundTrips() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        let plan = try PlanFile.read(path)
        #expect(plan.requests.map(\.versions.count) == [100, 100, 50])
        #expect(plan.header.totals.versions == 250)
        #expect(plan.header.totals.rejects == 1)
        #expect(plan.header.manifests[0].rejects == [.pattern: 1])
        #expect(plan.header.skipInvalid)
        #expect(plan.sha256.count == 64)
        #expect(plan.requests[0].key.packageName == "npm/types/node")
    }

    @Test func truncatedPlanIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let bytes = try dir.read(URL(fileURLWithPath: try makePlan(dir, versions: 5000)).lastPathComponent)
        let cut = try dir.write("cut.plan", Array(bytes.prefix(bytes.count - 20)))
        #expect { try PlanFile.read(cut) } throws: { error in
            guard let error = error as? PlanError, case .truncated = error else { return false }
            return error.description.contains("cut.plan")
        }
    }

    @Test func otherFilesAreNotPlans() throws {
        let dir = try TemporaryDirectory()
        let manifest = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line()]))
        #expect { try PlanFile.read(manifest) } throws: { ($0 as? PlanError)?.code == "not-a-plan" }
        let empty = try dir.write("empty.plan", [])
        #expect { try PlanFile.read(empty) } throws: { ($0 as? PlanError)?.code == "not-a-plan" }
    }

    @Test func otherFormatVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        let header = #"{"format":"cabatch-plan","formatVersion":99}"#
        let frame = try ManifestFixture.zstdFrame(ManifestFixture.text([header]), in: dir)
        let path = try dir.write("future.plan", frame)
        #expect { try PlanFile.read(path) } throws: { error in
            (error as? PlanError)?.code == "not-a-plan" && "\(error)".contains("format version 99")
        }
    }

    @Test func damagedLineIsNamed() throws {
        let dir = try TemporaryDirectory()
        let plan = try PlanFile.read(try makePlan(dir))
        var lines = [String(decoding: plan.header.encoded().bytes, as: UTF8.self)]
        lines += plan.requests.map { String(decoding: PlanFile.encode($0), as: UTF8.self) }
        lines[2] = "{not json"
        let frame = try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir)
        let path = try dir.write("damaged.plan", frame)
        #expect { try PlanFile.read(path) } throws: { error in
            guard case .damaged(_, let line, _) = error as? PlanError else { return false }
            return line == 3
        }
    }
}
