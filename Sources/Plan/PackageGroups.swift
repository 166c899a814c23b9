import Manifest
import Model

/// One batch's rows grouped into runs of consecutive rows of one package and one inventory
/// status, in batch order.
public struct PackageGroups: Sendable {
    /// A package, the status its versions had in the inventory, and the versions of one run of its rows.
    public struct Run: Sendable {
        public var key: PackageKey
        /// The expected status of the run's versions; `nil` when the rows give none (or it is ignored).
        public var status: PackageVersionStatus?
        public var versions: [String]
        /// Parallel to `versions` when any row of the run named a revision ("" where one did not).
        public var revisions: [String]?
        /// `key.hashValue`, computed here on a worker so that the one thread merging runs
        /// (`PlanBuilder.add`) does not hash six strings per run.
        var keyHash: Int
    }

    /// Which status and revision the rows' versions are planned with.
    public enum Preconditions: Sendable, Hashable {
        /// The rows' own `status` and `revision`, when they carry them.
        case fromRows
        /// `--expected-status`: this status for every version, the rows' revisions kept.
        case expectedStatus(PackageVersionStatus)
        /// `--ignore-inventory-status`: neither, for inventories known to be stale.
        case ignored
    }

    public internal(set) var runs: [Run] = []
    /// Rows whose package fell outside the shard being planned.
    public internal(set) var rowsOutsideShard = 0

    public init() {}

    /// Groups one batch of rows; runs on the scanner's worker threads. Inventories list a
    /// package's versions together, so consecutive rows usually share the previous key, and
    /// runs (merged by `PlanBuilder`) need no hashing here.
    public static func group(_ rows: [ManifestRow], defaultOwner: String?, shard: Shard?,
                             preconditions: Preconditions = .fromRows) -> PackageGroups {
        var groups = PackageGroups()
        // The previous row's package, and whether it is in the shard.
        var lastKey: PackageKey?
        var lastStatus: PackageVersionStatus?
        var inShard = true
        var current: [String] = []
        var revisions: [String] = []
        var anyRevision = false
        func flush() {
            if let key = lastKey, inShard, !current.isEmpty {
                groups.runs.append(Run(key: key, status: lastStatus, versions: current,
                                       revisions: anyRevision ? revisions : nil, keyHash: key.hashValue))
            }
            current = []
            revisions = []
            anyRevision = false
        }
        for row in rows {
            let status: PackageVersionStatus?
            let revision: String?
            switch preconditions {
            case .fromRows: (status, revision) = (row.status, row.revision)
            case .expectedStatus(let expected): (status, revision) = (expected, row.revision)
            case .ignored: (status, revision) = (nil, nil)
            }
            // Compared in place rather than through a key built per row: most rows share it.
            if lastKey == nil || !Self.names(lastKey!, row, defaultOwner: defaultOwner) {
                flush()
                let key = PackageKey(row, defaultOwner: defaultOwner)
                inShard = shard.map { $0.contains(key) } ?? true
                lastKey = key
                lastStatus = status
            } else if status != lastStatus {
                flush()
                lastStatus = status
            }
            if inShard {
                current.append(row.version)
                if let revision {
                    if !anyRevision { revisions = Array(repeating: "", count: current.count - 1) }
                    anyRevision = true
                    revisions.append(revision)
                } else if anyRevision {
                    revisions.append("")
                }
            } else {
                groups.rowsOutsideShard += 1
            }
        }
        flush()
        return groups
    }

    private static func names(_ key: PackageKey, _ row: ManifestRow, defaultOwner: String?) -> Bool {
        // Bytes, as `PackageKey ==` compares: canonically equivalent names are two packages.
        PackageKey.sameBytes(key.package, row.package) && PackageKey.sameBytes(key.namespace, row.namespace)
            && PackageKey.sameBytes(key.repository, row.repository) && PackageKey.sameBytes(key.domain, row.domain)
            && key.format == row.format && PackageKey.sameBytes(key.domainOwner, row.domainOwner ?? defaultOwner)
    }
}
