import Foundation
import Manifest
import Model

/// The emulated service's data: domains, repositories, packages and the status of every version.
///
/// Shared by every connection, so every access holds one lock; the work under it is a handful
/// of dictionary lookups per version, short enough that 2 cores never queue on it for long.
public final class Inventory: @unchecked Sendable {
    /// The account that owns domains whose rows name no `domainOwner`.
    public let accountID: String
    private let lock = NSLock()
    /// Keyed without owners: a domain has one owner, in `domainOwners`.
    private var packages: [PackageKey: PackageVersions] = [:]
    private var domainOwners: [String: String] = [:]
    private var repositories: Set<InventoryRepository> = []
    /// Each domain's repository names in byte order, built by the first listing and dropped
    /// when the domain gains a repository.
    private var repositoryIndex: [String: [String]] = [:]
    /// Each repository's packages in (format, namespace, package) byte order, built by the
    /// first listing and dropped when the repository gains a package.
    private var packageIndex: [InventoryRepository: [PackageKey]] = [:]
    /// How many batches `update` has applied; stamps records to find repeats within a batch.
    private var batches: UInt64 = 0

    /// When every repository was created, and the time the first version of a package gets when
    /// its row names none: 2020-01-01T00:00:00Z.
    public static let epoch = Timestamp(millisecondsSinceEpoch: 1_577_836_800_000)
    /// How much later each further version of a package without a `publishedTime` was published.
    static let publishInterval: Int64 = 60_000

    /// An empty inventory; `accountID` is the emulated caller's account.
    public init(accountID: String = "111122223333") {
        self.accountID = accountID
    }

    /// Adds a row's domain, repository, package and version; a version already present is
    /// replaced where it stands.
    ///
    /// The row's `status` (default `Published`), `revision` (default: computed from the
    /// coordinates), `origin` (default `INTERNAL`) and `publishedTime` are kept; a row without a
    /// time is published a minute after the package's latest version so far (the first at
    /// ``epoch`` plus a minute), so that rows without times are published in row order. A row
    /// with `defaultDisplayVersion: true` makes its version the package's default display version.
    public func add(_ row: ManifestRow) {
        let package = row.key.withoutOwner
        let repository = InventoryRepository(domain: row.domain, repository: row.repository)
        withLock {
            if domainOwners[row.domain] == nil { domainOwners[row.domain] = row.domainOwner ?? accountID }
            if repositories.insert(repository).inserted { repositoryIndex[row.domain] = nil }
            var isNewPackage = false
            Self.modify(&packages[package, default: PackageVersions()]) { versions in
                isNewPackage = versions.order.isEmpty
                let time = row.publishedTime?.millisecondsSinceEpoch
                    ?? (versions.latestPublished ?? Self.epoch.millisecondsSinceEpoch) + Self.publishInterval
                let record = VersionRecord(status: row.status ?? .published, origin: row.origin ?? .internal,
                                           revision: row.revision, publishedTime: time)
                versions.add(row.version, record, isDefault: row.isDefaultDisplayVersion)
            }
            if isNewPackage { packageIndex[repository] = nil }
        }
    }

    /// Adds every row of `rows`.
    public func add(contentsOf rows: some Sequence<ManifestRow>) {
        for row in rows { add(row) }
    }

    /// How many versions the inventory holds, whatever their status.
    public var versionCount: Int {
        withLock { packages.values.reduce(0) { $0 + $1.order.count } }
    }

    /// How many versions have each status, by the status's wire name.
    public func countsByStatus() -> [String: Int] {
        withLock {
            var counts: [String: Int] = [:]
            for versions in packages.values {
                for record in versions.records.values { counts[record.status.rawValue, default: 0] += 1 }
            }
            return counts
        }
    }

    /// Checks that the domain exists and is owned by `owner` (when given); returns its owner.
    func checkDomain(_ domain: String, owner: String?) -> Result<String, ServiceException> {
        withLock { lockedCheckDomain(domain, owner: owner) }
    }

    /// Checks that the domain (owned by `owner`, or by the caller's account) and repository exist.
    func checkRepository(domain: String, owner: String?, repository: String) -> ServiceException? {
        withLock {
            if case .failure(let error) = lockedCheckDomain(domain, owner: owner) { return error }
            guard repositories.contains(InventoryRepository(domain: domain, repository: repository)) else {
                return ServiceException(.resourceNotFound, "Repository \(repository) not found in domain \(domain)",
                                        resourceID: repository, resourceType: "repository")
            }
            return nil
        }
    }

    private func lockedCheckDomain(_ domain: String, owner: String?) -> Result<String, ServiceException> {
        guard let domainOwner = domainOwners[domain], owner == nil || owner == domainOwner else {
            return .failure(ServiceException(.resourceNotFound, "Domain \(domain) not found in account \(owner ?? accountID)",
                                             resourceID: domain, resourceType: "domain"))
        }
        return .success(domainOwner)
    }

    /// Applies `change` to each distinct existing version of `versions`, in order; versions the
    /// service does not know are `NOT_FOUND` and `change` never sees them.
    ///
    /// With `allOrNothing` (the status-changing operations), `change` works on copies and the
    /// copies are kept only when every version succeeded; otherwise the failures are answered
    /// as they are, every other version is `SKIPPED`, and nothing changes.
    func update(_ package: PackageKey, versions: [String], allOrNothing: Bool = false,
                _ change: (String, inout VersionRecord) -> VersionAnswer) -> BatchOutcome {
        var result = BatchOutcome()
        result.outcomes.reserveCapacity(versions.count)
        // Repeats of a version the inventory holds are found by the batch's stamp on its record,
        // so that a batch costs one lookup per version; only versions it never held need a set.
        var unknown = Set<String>()
        withLock {
            batches += 1
            let batch = batches
            guard let index = packages.index(forKey: package.withoutOwner) else {
                for version in versions where unknown.insert(version).inserted { result.outcomes.append((version, .notFound)) }
                return
            }
            var changed = false
            Self.modify(&packages.values[index].records) { records in
                var pending: [(slot: Dictionary<String, VersionRecord>.Index, record: VersionRecord)] = []
                for version in versions {
                    guard let slot = records.index(forKey: version) else {
                        if unknown.insert(version).inserted { result.outcomes.append((version, .notFound)) }
                        continue
                    }
                    guard records.values[slot].batch != batch else { continue }
                    records.values[slot].batch = batch
                    guard records.values[slot].exists else {
                        result.outcomes.append((version, .notFound))
                        continue
                    }
                    if allOrNothing {
                        var copy = records.values[slot]
                        let answer = change(version, &copy)
                        if answer.succeeded { pending.append((slot, copy)) }
                        result.outcomes.append((version, answer))
                    } else {
                        let answer = change(version, &records.values[slot])
                        if answer.succeeded { changed = true }
                        result.outcomes.append((version, answer))
                    }
                }
                guard allOrNothing else { return }
                if pending.count == result.outcomes.count {
                    for (slot, record) in pending { records.values[slot] = record }
                    changed = !pending.isEmpty
                } else {
                    for (position, entry) in result.outcomes.enumerated() where entry.outcome.succeeded {
                        result.outcomes[position].outcome = .skipped(entry.version)
                    }
                }
            }
            if changed { packages.values[index].defaultDisplayCache = nil }
        }
        return result
    }

    /// Runs `body` on `value` in place: the loop over a batch mutates the package's records
    /// where they are, without a copy of its dictionary.
    private static func modify<T>(_ value: inout T, _ body: (inout T) -> Void) {
        body(&value)
    }

    /// One page of a domain's repositories in name (byte) order, from the first name not before
    /// `start`, those whose name starts with `prefix` (and, with `administrator`, managed by that
    /// account). The caller has checked that the domain exists.
    func repositoryPage(domain: String, prefix: String?, administrator: String?, start: String?, limit: Int)
        -> (names: [String], next: String?)
    {
        withLock {
            let names: [String]
            if let index = repositoryIndex[domain] {
                names = index
            } else {
                names = repositories.filter { $0.domain == domain }.map(\.repository)
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                repositoryIndex[domain] = names
            }
            // The emulator's repositories are all managed by the domain's owner.
            if let administrator, administrator != domainOwners[domain] { return ([], nil) }
            let first = start.map { start in names.partitioningIndex { !$0.utf8.lexicographicallyPrecedes(start.utf8) } } ?? 0
            return Self.page(names[first...], limit: limit) { name in prefix.map { name.hasPrefix($0) } ?? true }
        }
    }

    /// One page of a repository's packages in (format, namespace, package) byte order, from the
    /// first package not before `start`, those `matches` accepts.
    func packagePage(_ repository: InventoryRepository, start: PackageKey?, limit: Int, where matches: (PackageKey) -> Bool)
        -> (packages: [PackageKey], next: PackageKey?)
    {
        withLock {
            let keys: [PackageKey]
            if let index = packageIndex[repository] {
                keys = index
            } else {
                keys = packages.keys.filter { $0.domain == repository.domain && $0.repository == repository.repository }.sorted()
                packageIndex[repository] = keys
            }
            let first = start.map { start in keys.partitioningIndex { !($0 < start) } } ?? 0
            return Self.page(keys[first...], limit: limit, where: matches)
        }
    }

    /// Up to `limit` elements of `candidates` that match, and the next one that matches.
    private static func page<C: Collection>(_ candidates: C, limit: Int, where matches: (C.Element) -> Bool)
        -> ([C.Element], C.Element?)
    {
        var items: [C.Element] = []
        for candidate in candidates where matches(candidate) {
            if items.count == limit { return (items, candidate) }
            items.append(candidate)
        }
        return (items, nil)
    }

    /// One page of a package's existing versions that `matches` accepts, in inventory order or
    /// newest first, from where `start` says; `nil` when the package does not exist.
    ///
    /// A token names a place in an order that never changes (versions keep their positions and
    /// their publish times), so a listing that goes on while versions are deleted or change
    /// status neither skips nor repeats a version that exists throughout.
    func versionPage(of package: PackageKey, sortBy: PackageVersionSortType?, start: PaginationToken?, limit: Int,
                     where matches: (VersionRecord) -> Bool) -> VersionPage?
    {
        withLock {
            guard let index = packages.index(forKey: package.withoutOwner) else { return nil }
            var page = VersionPage()
            Self.modify(&packages.values[index]) { versions in
                page.defaultDisplayVersion = versions.defaultDisplayVersion()
                func visit(_ position: Int) -> Bool {
                    let version = versions.order[position]
                    let record = versions.records[version]!
                    guard record.exists, matches(record) else { return true }
                    if page.versions.count == limit {
                        page.next = sortBy == nil ? .position(position)
                            : .published(time: record.publishedTime, position: position)
                        return false
                    }
                    page.versions.append((version, record))
                    return true
                }
                switch sortBy {
                case nil:
                    guard case .position(let first)? = start ?? .position(0) else { return }
                    for position in first..<max(first, versions.order.count) where !visit(position) { break }
                case .publishedTime:
                    let sorted = versions.publishedTimeOrder()
                    var first = 0
                    if case .published(let time, let position)? = start {
                        // The first entry that does not come before the token's in newest-first order.
                        first = sorted.partitioningIndex { entry in
                            let entryTime = versions.records[versions.order[Int(entry)]]!.publishedTime
                            return entryTime != time ? entryTime < time : Int(entry) <= position
                        }
                    }
                    for entry in sorted[first...] where !visit(Int(entry)) { break }
                }
            }
            return page
        }
    }

    /// A version the service knows (not deleted), or `nil`.
    func version(_ package: PackageKey, _ version: String) -> VersionRecord? {
        withLock {
            guard let record = packages[package.withoutOwner]?.records[version], record.exists else { return nil }
            return record
        }
    }

    /// Every version with its final status and counts, packages in a stable order.
    public func snapshot() -> [StoredVersion] {
        let copy = withLock { (packages, domainOwners) }
        var states: [StoredVersion] = []
        for (package, versions) in copy.0.sorted(by: { $0.key.resourcePath < $1.key.resourcePath }) {
            let seed = RevisionSeed(package)
            var owned = package
            owned.domainOwner = copy.1[package.domain] ?? accountID
            for version in versions.order {
                let record = versions.records[version]!
                states.append(StoredVersion(package: owned, version: version, status: record.status.rawValue,
                                            revision: record.revision(seed, version), deletes: Int(record.deletes),
                                            changes: Int(record.changes)))
            }
        }
        return states
    }

    private func withLock<T>(_ body: () throws(Never) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// A repository of the emulated inventory, which exists even once all its packages are gone.
struct InventoryRepository: Sendable, Hashable {
    var domain: String
    var repository: String
}

/// One page of a package's versions, with what the answer says of the package.
struct VersionPage {
    var versions: [(String, VersionRecord)] = []
    var next: PaginationToken?
    var defaultDisplayVersion: String?
}

extension Collection {
    /// The first index whose element `isAtOrAfter` accepts, for a predicate that is false then
    /// true along the collection (binary search).
    func partitioningIndex(where isAtOrAfter: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAtOrAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
