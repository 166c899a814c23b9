import Manifest

/// Versions gathered per package from manifest rows, before sorting and batching.
public struct PackageGroups: Sendable {
    public internal(set) var versions: [PackageKey: [String]] = [:]
    /// Rows whose package fell outside the shard being planned.
    public internal(set) var rowsOutsideShard = 0

    public init() {}

    /// Groups one batch of rows; runs on the scanner's worker threads. Inventories list a
    /// package's versions together, so consecutive rows usually share the previous key.
    public static func group(_ rows: [ManifestRow], defaultOwner: String?, shard: Shard?) -> PackageGroups {
        var groups = PackageGroups()
        var currentKey: PackageKey?
        var current: [String] = []
        func flush() {
            if let key = currentKey, !current.isEmpty {
                groups.versions[key, default: []].append(contentsOf: current)
            }
            current.removeAll(keepingCapacity: true)
        }
        for row in rows {
            let key = PackageKey(row, defaultOwner: defaultOwner)
            if key != currentKey {
                flush()
                currentKey = key
                if let shard, !shard.contains(key) { currentKey = nil }
            }
            if currentKey == nil {
                groups.rowsOutsideShard += 1
            } else {
                current.append(row.version)
            }
        }
        flush()
        return groups
    }

    public mutating func merge(_ other: PackageGroups) {
        rowsOutsideShard += other.rowsOutsideShard
        for (key, list) in other.versions {
            versions[key, default: []].append(contentsOf: list)
        }
    }
}
