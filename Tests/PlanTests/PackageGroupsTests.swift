@testable import Plan
import Manifest
import Model
import Testing

/// Pins how one batch of rows is grouped on a worker: runs of consecutive rows of one package in
/// batch order, the default owner applied, and rows of other shards counted and left out.
@Suite struct PackageGroupsTests {
    static func row(_ package: String, _ version: String, owner: String? = nil) -> ManifestRow {
        ManifestRow(domain: "acme", domainOwner: owner, repository: "npm-store", format: .npm, package: package, version: version)
    }

    @Test func consecutiveRowsOfOnePackageMakeOneRun() {
        let groups = PackageGroups.group([Self.row("a", "1"), Self.row("a", "3"), Self.row("a", "2"), Self.row("b", "1")],
                                         defaultOwner: nil, shard: nil)
        #expect(groups.runs.map(\.key.package) == ["a", "b"])
        #expect(groups.runs.map(\.versions) == [["1", "3", "2"], ["1"]])
        #expect(groups.rowsOutsideShard == 0)
    }

    /// Runs are not merged here (`PlanBuilder.add` merges them): a package seen again later starts another.
    @Test func aPackageSeenAgainLaterStartsAnotherRun() {
        let groups = PackageGroups.group([Self.row("a", "1"), Self.row("b", "1"), Self.row("a", "2")], defaultOwner: nil, shard: nil)
        #expect(groups.runs.map(\.key.package) == ["a", "b", "a"])
        #expect(groups.runs.map(\.versions) == [["1"], ["1"], ["2"]])
    }

    @Test func theDefaultOwnerIsAppliedAndNamesTheSamePackageAsAnExplicitOne() {
        let owner = "111122223333"
        let groups = PackageGroups.group([Self.row("a", "1"), Self.row("a", "2", owner: owner), Self.row("a", "3", owner: "999988887777")],
                                         defaultOwner: owner, shard: nil)
        #expect(groups.runs.map(\.key.domainOwner) == [owner, "999988887777"])
        #expect(groups.runs.map(\.versions) == [["1", "2"], ["3"]])
        let without = PackageGroups.group([Self.row("a", "1"), Self.row("a", "2", owner: owner)], defaultOwner: nil, shard: nil)
        #expect(without.runs.map(\.key.domainOwner) == [nil, owner])
    }

    @Test func rowsOfOtherShardsAreCountedAndLeftOut() throws {
        let shard = try Shard(index: 1, count: 3)
        let rows = (0..<60).flatMap { p in [Self.row("p\(p)", "1"), Self.row("p\(p)", "2")] }
        let groups = PackageGroups.group(rows, defaultOwner: nil, shard: shard)
        #expect(groups.runs.allSatisfy { shard.contains($0.key) && $0.versions == ["1", "2"] })
        let inside = rows.filter { shard.contains(PackageKey($0, defaultOwner: nil)) }.count
        #expect(groups.runs.count * 2 == inside)
        #expect(groups.rowsOutsideShard == rows.count - inside)
        #expect(inside > 0 && groups.rowsOutsideShard > 0)
    }

    @Test func eachRunCarriesItsKeysHash() {
        let groups = PackageGroups.group([Self.row("a", "1"), Self.row("b", "1")], defaultOwner: "111122223333", shard: nil)
        #expect(groups.runs.allSatisfy { $0.keyHash == $0.key.hashValue })
    }

    @Test func noRowsMakeNoRuns() {
        let groups = PackageGroups.group([], defaultOwner: nil, shard: nil)
        #expect(groups.runs.isEmpty && groups.rowsOutsideShard == 0)
        #expect(PackageGroups().runs.isEmpty)
    }
}
