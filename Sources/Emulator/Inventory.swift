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
    /// How many batches `update` has applied; stamps records to find repeats within a batch.
    private var batches: UInt64 = 0

    /// An empty inventory; `accountID` is the emulated caller's account.
    public init(accountID: String = "111122223333") {
        self.accountID = accountID
    }

    /// Adds a row's domain, repository, package and version; a version already present is replaced.
    public func add(_ row: ManifestRow) {
        let status = row.status ?? .published
        let package = row.key.withoutOwner
        let record = VersionRecord(status: status, revision: Self.revision(package, row.version))
        withLock {
            if domainOwners[row.domain] == nil { domainOwners[row.domain] = row.domainOwner ?? accountID }
            repositories.insert(InventoryRepository(domain: row.domain, repository: row.repository))
            packages[package, default: PackageVersions()].add(row.version, record)
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

    /// Checks that the domain (owned by `owner`, or by the caller's account) and repository exist.
    func checkRepository(domain: String, owner: String?, repository: String) -> ServiceException? {
        withLock {
            guard let domainOwner = domainOwners[domain], owner == nil || owner == domainOwner else {
                return ServiceException(.resourceNotFound, "Domain \(domain) not found in account \(owner ?? accountID)",
                                    resourceID: domain, resourceType: "domain")
            }
            guard repositories.contains(InventoryRepository(domain: domain, repository: repository)) else {
                return ServiceException(.resourceNotFound, "Repository \(repository) not found in domain \(domain)",
                                    resourceID: repository, resourceType: "repository")
            }
            return nil
        }
    }

    /// Applies `change` to each distinct existing version of `versions`, in order; versions the
    /// service does not know are `NOT_FOUND` and `change` never sees them.
    func update(_ package: PackageKey, versions: [String],
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
            Self.modify(&packages.values[index].records) { records in
                for version in versions {
                    guard let slot = records.index(forKey: version) else {
                        if unknown.insert(version).inserted { result.outcomes.append((version, .notFound)) }
                        continue
                    }
                    guard records.values[slot].batch != batch else { continue }
                    records.values[slot].batch = batch
                    if records.values[slot].exists {
                        result.outcomes.append((version, change(version, &records.values[slot])))
                    } else {
                        result.outcomes.append((version, .notFound))
                    }
                }
            }
        }
        return result
    }

    /// Runs `body` on `value` in place: the loop over a batch mutates the package's records
    /// where they are, without a copy of its dictionary.
    private static func modify<T>(_ value: inout T, _ body: (inout T) -> Void) {
        body(&value)
    }

    /// One page of a package's existing versions, filtered by status, starting at position `start`
    /// of the inventory order; `nil` when the package does not exist.
    func versions(of package: PackageKey, status: PackageVersionStatus?, start: Int, limit: Int)
        -> (versions: [(String, VersionRecord)], next: Int?)?
    {
        withLock {
            guard let all = packages[package.withoutOwner] else { return nil }
            var page: [(String, VersionRecord)] = []
            var index = start
            while index < all.order.count {
                let version = all.order[index]
                let record = all.records[version]!
                if record.exists, status == nil || record.status == status {
                    if page.count == limit { return (page, index) }
                    page.append((version, record))
                }
                index += 1
            }
            return (page, nil)
        }
    }

    /// Every version with its final status and delete count, packages in a stable order.
    public func snapshot() -> [StoredVersion] {
        let copy = withLock { (packages, domainOwners) }
        var states: [StoredVersion] = []
        for (package, versions) in copy.0.sorted(by: { $0.key.resourcePath < $1.key.resourcePath }) {
            var owned = package
            owned.domainOwner = copy.1[package.domain] ?? accountID
            for version in versions.order {
                let record = versions.records[version]!
                states.append(StoredVersion(package: owned, version: version, status: record.status.rawValue,
                                            revision: record.revision, deletes: record.deletes))
            }
        }
        return states
    }

    private func withLock<T>(_ body: () throws(Never) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// A stable revision for a version (FNV-1a of its coordinates), so runs can be compared.
    static func revision(_ package: PackageKey, _ version: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in package.resourcePath.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0x40) &* 0x100_0000_01b3
        for byte in version.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A repository of the emulated inventory, which exists even once all its packages are gone.
struct InventoryRepository: Sendable, Hashable {
    var domain: String
    var repository: String
}

