import Model
/// Realistic synthetic manifests and inventories for demos, tests and benchmarks: all eight
/// formats with their namespace rules, package sizes from a heavy-tailed (Zipf-like)
/// distribution, version strings in each ecosystem's style, and optionally bad lines of every
/// reject kind.
public struct SyntheticManifest: Sendable {
    public var rows: Int
    public var seed: UInt64
    /// Deliberately bad lines added to the manifest, cycling through every reject kind.
    public var badLines: Int
    /// Extra versions in the inventory beyond the manifest's, as a fraction of its rows.
    public var inventoryExtra: Double
    /// The largest package, in versions.
    public var maxPackageSize: Int

    public init(rows: Int, seed: UInt64 = 1, badLines: Int = 0, inventoryExtra: Double = 0.25, maxPackageSize: Int = 5_000) {
        self.rows = rows
        self.seed = seed
        self.badLines = badLines
        self.inventoryExtra = inventoryExtra
        self.maxPackageSize = maxPackageSize
    }

    /// What was written.
    public struct Summary: Sendable {
        public var rows = 0
        public var badLines = 0
        public var packages = 0
        public var inventoryRows = 0
    }

    /// Calls `manifestLine` for each manifest line (valid rows and bad lines, in file order)
    /// and `inventoryLine` for each inventory line (a superset of the valid rows, with status).
    public func generate(manifestLine: ([UInt8]) throws -> Void, inventoryLine: (([UInt8]) throws -> Void)?) throws -> Summary {
        var rng = SplitMix64(seed: seed)
        // What only the inventory has (times, statuses, publish order) draws on its own stream, so
        // that a seed gives the same manifest with or without an inventory.
        var inventoryRng = SplitMix64(seed: seed ^ 0x1A7E_5EED)
        var summary = Summary()
        // Which valid rows get a bad line before them, spread at random over the file.
        var badBefore = (0..<badLines).map { _ in Int(rng.next() % UInt64(max(rows, 1))) }.sorted()
        badBefore.reverse()
        var badIndex = 0
        var packageIndex = 0
        while summary.rows < rows {
            let size = min(packageSize(&rng), rows - summary.rows)
            let pkg = SyntheticPackage(index: packageIndex, rng: &rng)
            packageIndex += 1
            // Drawn whether or not an inventory is written, so that a seed gives the same manifest either way.
            let extra = Int((Double(size) * inventoryExtra * 2 * rng.unit()).rounded())
            let versions = pkg.versions(count: size + extra, rng: &rng)
            // The manifest deletes a random subset of the inventory's versions.
            var chosen = Array(versions.indices)
            chosen.shuffle(using: &rng)
            let deleting = Set(chosen.prefix(size))
            for (i, version) in versions.enumerated() where deleting.contains(i) {
                while let next = badBefore.last, next <= summary.rows {
                    badBefore.removeLast()
                    try manifestLine(BadLine.make(badIndex, rng: &rng))
                    badIndex += 1
                    summary.badLines += 1
                }
                try manifestLine(pkg.row(version: version).encoded().bytes)
                summary.rows += 1
            }
            if let inventoryLine {
                for row in pkg.inventoryRows(versions, rng: &inventoryRng) {
                    try inventoryLine(row.encoded().bytes)
                    summary.inventoryRows += 1
                }
            }
            summary.packages += 1
        }
        while !badBefore.isEmpty {
            badBefore.removeLast()
            try manifestLine(BadLine.make(badIndex, rng: &rng))
            badIndex += 1
            summary.badLines += 1
        }
        return summary
    }

    /// Pareto with shape 1.05: most packages have a handful of versions, a few have thousands.
    private func packageSize(_ rng: inout SplitMix64) -> Int {
        let u = max(rng.unit(), 1e-12)
        return min(maxPackageSize, max(1, Int(1.0 / pow(u, 1.0 / 1.05))))
    }
}

import Foundation
