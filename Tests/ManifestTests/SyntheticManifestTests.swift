import JSONLines
import Manifest
import Model
import Testing

/// Pins the synthetic generator: the same seed gives the same files, the counts it reports are
/// what it wrote, bad lines are rejected and good ones valid, and the inventory holds the manifest.
@Suite struct SyntheticManifestTests {
    struct Output {
        var manifest: [[UInt8]] = []
        var inventory: [[UInt8]] = []
        var summary: SyntheticManifest.Summary
    }

    static func generate(_ generator: SyntheticManifest, inventory: Bool = true) throws -> Output {
        var manifest: [[UInt8]] = [], lines: [[UInt8]] = []
        let summary = try generator.generate(manifestLine: { manifest.append($0) },
                                             inventoryLine: inventory ? { lines.append($0) } : nil)
        return Output(manifest: manifest, inventory: lines, summary: summary)
    }

    static func decode(_ line: [UInt8]) -> ManifestRow? {
        guard line.count <= LineBatcher.defaultMaxLineLength else { return nil }
        return try? line.withUnsafeBytes { ManifestRowDecoder().decode($0) }.get()
    }

    struct Planned: Hashable { var key: PackageKey; var version: String }

    @Test func theSameSeedWritesTheSameLines() throws {
        let a = try Self.generate(SyntheticManifest(rows: 3_000, seed: 21, badLines: 20))
        let b = try Self.generate(SyntheticManifest(rows: 3_000, seed: 21, badLines: 20))
        #expect(a.manifest == b.manifest)
        #expect(a.inventory == b.inventory)
        let other = try Self.generate(SyntheticManifest(rows: 3_000, seed: 22, badLines: 20))
        #expect(other.manifest != a.manifest)
    }

    @Test func theSummaryCountsWhatWasWritten() throws {
        let output = try Self.generate(SyntheticManifest(rows: 4_000, seed: 3, badLines: 45))
        #expect(output.summary.rows == 4_000 && output.summary.badLines == 45)
        #expect(output.manifest.count == 4_045)
        #expect(output.summary.inventoryRows == output.inventory.count)
        let rows = output.manifest.compactMap(Self.decode)
        #expect(rows.count == 4_000, "every line but the bad ones is a valid row")
        #expect(Set(rows.map(\.key)).count == output.summary.packages)
        #expect(Set(rows.map { Planned(key: $0.key, version: $0.version) }).count == 4_000, "no row repeats")
    }

    @Test func theBadLinesAreRejectedAndCycleThroughTheKinds() throws {
        let output = try Self.generate(SyntheticManifest(rows: 500, seed: 8, badLines: 30), inventory: false)
        let bad = output.manifest.filter { Self.decode($0) == nil }
        #expect(bad.count == 30)
        #expect(bad.filter { $0.count > LineBatcher.defaultMaxLineLength }.count == 2, "kind 0 of 15, twice in 30")
    }

    @Test func theInventoryHoldsEveryManifestRowWithItsStatus() throws {
        let output = try Self.generate(SyntheticManifest(rows: 3_000, seed: 4, inventoryExtra: 0.5))
        let inventory = output.inventory.compactMap(Self.decode)
        #expect(inventory.count == output.inventory.count, "every inventory line is a valid row")
        #expect(inventory.allSatisfy { $0.status != nil && $0.publishedTime != nil && $0.origin != nil })
        let listed = Set(inventory.map { Planned(key: $0.key, version: $0.version) })
        let planned = Set(output.manifest.compactMap(Self.decode).map { Planned(key: $0.key, version: $0.version) })
        #expect(planned.isSubset(of: listed))
        #expect(listed.count > planned.count + 500, "the inventory has versions the manifest keeps")
    }

    @Test func noPackageIsLargerThanTheLimit() throws {
        let output = try Self.generate(SyntheticManifest(rows: 2_000, seed: 2, maxPackageSize: 10), inventory: false)
        var sizes: [PackageKey: Int] = [:]
        for row in output.manifest.compactMap(Self.decode) { sizes[row.key, default: 0] += 1 }
        #expect(sizes.values.allSatisfy { $0 <= 10 })
        #expect(sizes.values.contains(10), "the heavy tail reaches the limit")
        #expect(output.summary.packages == sizes.count)
    }

    @Test func noRowsLeavesOnlyTheBadLines() throws {
        let output = try Self.generate(SyntheticManifest(rows: 0, seed: 1, badLines: 3))
        #expect(output.manifest.count == 3)
        #expect(output.inventory.isEmpty)
        #expect(output.summary.rows == 0 && output.summary.packages == 0 && output.summary.badLines == 3)
    }

    /// What only the inventory has draws on its own stream, so that a seed gives the same
    /// manifest with or without an inventory.
    @Test func theManifestIsTheSameWithOrWithoutAnInventory() throws {
        let generator = SyntheticManifest(rows: 2_000, seed: 12)
        let with = try Self.generate(generator, inventory: true)
        let without = try Self.generate(generator, inventory: false)
        #expect(with.manifest.count == without.manifest.count)
        let firstDifference = zip(with.manifest, without.manifest).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil, "the manifests differ from line \((firstDifference ?? -1) + 1)")
        #expect(with.manifest.count == 2_000)
    }
}
