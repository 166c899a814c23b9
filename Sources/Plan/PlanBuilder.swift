import Manifest

/// Turns grouped versions into the fewest requests: each package's versions sorted,
/// exact duplicates removed, cut into runs of at most 100, packages in key order.
///
/// The result depends only on the set of rows, never on their order in the manifests.
public struct PlanBuilder: Sendable {
    private var groups = PackageGroups()
    private var sortedKeys: [PackageKey] = []
    public private(set) var totals = PlanTotals()

    public init() {}

    public mutating func add(_ batch: PackageGroups) {
        groups.merge(batch)
    }

    /// Sorts and deduplicates in place and counts; `rows`, `rejects` and `blankLines` come
    /// from the scan.
    public mutating func finalize(rows: Int, rejects: Int, blankLines: Int) -> PlanTotals {
        var totals = PlanTotals()
        totals.rows = rows
        totals.rejects = rejects
        totals.blankLines = blankLines
        totals.rowsOutsideShard = groups.rowsOutsideShard
        var byRepository: [PackageKey: Int] = [:]
        var repositories: [PlanTotals.Repository] = []
        sortedKeys = groups.versions.keys.sorted()
        for key in sortedKeys {
            let removed = Self.sortAndDeduplicate(&groups.versions[key]!)
            let unique = groups.versions[key]!.count
            let requests = (unique + DeleteRequest.maxVersions - 1) / DeleteRequest.maxVersions
            totals.duplicates += removed
            totals.packages += 1
            totals.versions += unique
            totals.requests += requests
            // One entry per repository and format: the key with its package parts blanked.
            let repoKey = PackageKey(domain: key.domain, domainOwner: key.domainOwner, repository: key.repository,
                                     format: key.format, namespace: nil, package: "")
            let index = byRepository[repoKey] ?? {
                repositories.append(PlanTotals.Repository(domain: key.domain, domainOwner: key.domainOwner,
                                                          repository: key.repository, format: key.format))
                byRepository[repoKey] = repositories.count - 1
                return repositories.count - 1
            }()
            repositories[index].packages += 1
            repositories[index].versions += unique
            repositories[index].requests += requests
        }
        totals.repositories = repositories.sorted()
        self.totals = totals
        return totals
    }

    /// The requests in plan order, ids from 1.
    public func forEachRequest(_ body: (DeleteRequest) throws -> Void) rethrows {
        var id = 1
        for key in sortedKeys {
            let versions = groups.versions[key]!
            var start = 0
            while start < versions.count {
                let end = min(start + DeleteRequest.maxVersions, versions.count)
                try body(DeleteRequest(id: id, key: key, versions: Array(versions[start..<end])))
                id += 1
                start = end
            }
        }
    }

    /// Sorts and removes repeats, leaving the unique versions; returns how many were removed.
    /// The list's count afterwards is the unique count.
    static func sortAndDeduplicate(_ versions: inout [String]) -> Int {
        versions.sort()
        var kept = 0
        for index in versions.indices where index == 0 || versions[index] != versions[kept - 1] {
            versions.swapAt(kept, index)
            kept += 1
        }
        let removed = versions.count - kept
        versions.removeLast(removed)
        return removed
    }
}
