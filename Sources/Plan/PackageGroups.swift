import Manifest
import Model

/// One batch's rows grouped into runs of consecutive rows of one package, in batch order.
public struct PackageGroups: Sendable {
    /// A package and the versions of one run of its rows.
    public struct Run: Sendable {
        public var key: PackageKey
        public var versions: [String]
        /// `key.hashValue`, computed here on a worker so that the one thread merging runs
        /// (`PlanBuilder.add`) does not hash six strings per run.
        var keyHash: Int
    }

    public internal(set) var runs: [Run] = []
    /// Rows whose package fell outside the shard being planned.
    public internal(set) var rowsOutsideShard = 0

    public init() {}

    /// Groups one batch of rows; runs on the scanner's worker threads. Inventories list a
    /// package's versions together, so consecutive rows usually share the previous key, and
    /// runs (merged by `PlanBuilder`) need no hashing here.
    public static func group(_ rows: [ManifestRow], defaultOwner: String?, shard: Shard?) -> PackageGroups {
        var groups = PackageGroups()
        // The previous row's package, and whether it is in the shard.
        var lastKey: PackageKey?
        var inShard = true
        var current: [String] = []
        func flush() {
            if let key = lastKey, inShard, !current.isEmpty {
                groups.runs.append(Run(key: key, versions: current, keyHash: key.hashValue))
            }
            current = []
        }
        for row in rows {
            // Compared in place rather than through a key built per row: most rows share it.
            if lastKey == nil || !Self.names(lastKey!, row, defaultOwner: defaultOwner) {
                flush()
                let key = PackageKey(row, defaultOwner: defaultOwner)
                inShard = shard.map { $0.contains(key) } ?? true
                lastKey = key
            }
            if inShard {
                current.append(row.version)
            } else {
                groups.rowsOutsideShard += 1
            }
        }
        flush()
        return groups
    }

    private static func names(_ key: PackageKey, _ row: ManifestRow, defaultOwner: String?) -> Bool {
        key.package == row.package && key.namespace == row.namespace && key.repository == row.repository
            && key.domain == row.domain && key.format == row.format && key.domainOwner == (row.domainOwner ?? defaultOwner)
    }
}
