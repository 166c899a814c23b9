import Foundation
import Manifest
import Plan
import TestSupport
import Testing
import JSONLines
import Model

/// Pins the plan stage end to end: every row in exactly one minimal request, whatever the row order, shards that partition, the default owner.
@Suite struct PlannerTests {
    /// A generated manifest's lines, valid rows only.
    private func generatedLines(rows: Int, seed: UInt64) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        _ = try SyntheticManifest(rows: rows, seed: seed).generate(manifestLine: { lines.append($0) }, inventoryLine: nil)
        return lines
    }

    private func plan(_ path: String, shard: Shard? = nil, owner: String? = nil) throws -> (PlanTotals, [BatchRequest]) {
        let result = try Planner(defaultDomainOwner: owner, shard: shard).plan([InputFile(path)]) { _ in }
        var requests: [BatchRequest] = []
        result.builder.forEachRequest { requests.append($0) }
        return (result.header.totals, requests)
    }

    private struct Planned: Hashable { var key: PackageKey; var version: String }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyRowLandsInExactlyOneMinimalRequest(seed: UInt64) throws {
        let dir = try TemporaryDirectory()
        let lines = try generatedLines(rows: 20_000, seed: seed)
        // Duplicates: repeat every 50th line.
        let withDuplicates = lines + stride(from: 0, to: lines.count, by: 50).map { lines[$0] }
        let path = try dir.write("m.jsonl", Array(withDuplicates.joined(separator: [0x0A])) + [0x0A])
        let (totals, requests) = try plan(path)

        var expected: [PackageKey: Set<String>] = [:]
        for line in lines {
            let row = try line.withUnsafeBytes { try ManifestRowDecoder().decode($0).get() }
            expected[PackageKey(row, defaultOwner: nil), default: []].insert(row.version)
        }
        var seen = Set<Planned>()
        for request in requests {
            #expect(!request.versions.isEmpty && request.versions.count <= BatchRequest.maxVersions)
            for version in request.versions {
                #expect(seen.insert(Planned(key: request.key, version: version)).inserted, "\(request.key) \(version) twice")
            }
        }
        let expectedSet = Set(expected.flatMap { key, versions in versions.map { Planned(key: key, version: $0) } })
        #expect(seen == expectedSet)
        let minimum = expected.values.reduce(0) { $0 + ($1.count + 99) / 100 }
        #expect(requests.count == minimum)
        #expect(totals.requests == minimum)
        #expect(totals.versions == expectedSet.count)
        #expect(totals.duplicates == withDuplicates.count - lines.count)
        #expect(requests.map(\.id) == Array(1...requests.count))
    }

    @Test func planIsIndependentOfRowOrder() throws {
        let dir = try TemporaryDirectory()
        var lines = try generatedLines(rows: 10_000, seed: 9)
        let a = try dir.write("a.jsonl", Array(lines.joined(separator: [0x0A])))
        var rng = SplitMix64(seed: 4)
        lines.shuffle(using: &rng)
        let b = try dir.write("b.jsonl", Array(lines.joined(separator: [0x0A])) + [0x0A])
        let (totalsA, requestsA) = try plan(a)
        let (totalsB, requestsB) = try plan(b)
        #expect(requestsA == requestsB)
        #expect(totalsA == totalsB)

        let planA = dir.file("a.plan"), planB = dir.file("b.plan")
        for (manifest, target) in [(a, planA), (b, planB)] {
            let result = try Planner().plan([InputFile(manifest)]) { _ in }
            try PlanFile.write(result.header, requests: result.builder, to: target)
        }
        let bodyA = try PlanFile.read(planA).requests, bodyB = try PlanFile.read(planB).requests
        #expect(bodyA == bodyB)
    }

    @Test func samePlanBytesFromTheSameManifest() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("m.jsonl", Array(try generatedLines(rows: 3_000, seed: 5).joined(separator: [0x0A])))
        for name in ["1.plan", "2.plan"] {
            let result = try Planner().plan([InputFile(path)]) { _ in }
            try PlanFile.write(result.header, requests: result.builder, to: dir.file(name))
        }
        #expect(try dir.read("1.plan") == dir.read("2.plan"))
    }

    @Test func shardsPartitionThePlanByPackage() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("m.jsonl", Array(try generatedLines(rows: 15_000, seed: 11).joined(separator: [0x0A])))
        let (fullTotals, full) = try plan(path)
        var union: [Planned] = []
        var packagesSeen = Set<PackageKey>()
        for index in 0..<4 {
            let (totals, requests) = try plan(path, shard: try Shard(index: index, count: 4))
            #expect(totals.rows + 0 == fullTotals.rows)
            #expect(totals.versions + totals.rowsOutsideShard - totals.duplicates <= fullTotals.rows)
            let keys = Set(requests.map(\.key))
            #expect(packagesSeen.isDisjoint(with: keys))
            packagesSeen.formUnion(keys)
            union += requests.flatMap { r in r.versions.map { Planned(key: r.key, version: $0) } }
        }
        let all = full.flatMap { r in r.versions.map { Planned(key: r.key, version: $0) } }
        #expect(union.count == all.count)
        #expect(Set(union) == Set(all))
    }

    @Test func defaultOwnerFillsRowsWithoutOne() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("m.jsonl", ManifestFixture.text([
            ManifestFixture.line(version: "1"),
            ManifestFixture.line(domainOwner: "999988887777", version: "2"),
        ]))
        let (_, requests) = try plan(path, owner: "111122223333")
        #expect(Set(requests.map(\.key.domainOwner)) == ["111122223333", "999988887777"])
    }

    /// Package names that differ only in Unicode normalization are two packages: each version
    /// goes out under the name its row gives, never merged into the other's request.
    @Test func canonicallyEquivalentNamesStayApart() throws {
        let dir = try TemporaryDirectory()
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let path = try dir.write("m.jsonl", ManifestFixture.text([
            ManifestFixture.line(package: composed, version: "1"),
            ManifestFixture.line(package: decomposed, version: "2"),
            ManifestFixture.line(package: composed, version: "3"),
        ]))
        let (totals, requests) = try plan(path)
        #expect(totals.packages == 2 && requests.count == 2)
        let byName = Dictionary(requests.map { (Array($0.key.package.utf8), $0.versions) }) { a, _ in a }
        #expect(byName[Array(composed.utf8)] == ["1", "3"])
        #expect(byName[Array(decomposed.utf8)] == ["2"])
    }
}
