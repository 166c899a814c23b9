import Model

/// One version of an inventory package: its current status and what requests did to it.
struct VersionRecord: Sendable, Hashable {
    var status: PackageVersionStatus
    var revision: String
    /// How many times a delete was applied; more than one would mean a double delete.
    var deletes: Int = 0
    /// The last batch that named this version (``Inventory``'s count), so that a batch naming a
    /// version twice answers for it once.
    var batch: UInt64 = 0

    /// Whether the service still knows the version; deleted versions are gone for every API.
    var exists: Bool { status != .deleted }
}

/// The versions of one package, in inventory order (the order `ListPackageVersions` pages through).
struct PackageVersions: Sendable {
    var order: [String] = []
    var records: [String: VersionRecord] = [:]

    mutating func add(_ version: String, _ record: VersionRecord) {
        if records.updateValue(record, forKey: version) == nil {
            order.append(version)
        }
    }
}

/// What a per-version operation answers for one version.
enum VersionAnswer: Sendable, Hashable {
    case succeeded(revision: String, status: PackageVersionStatus)
    /// `NOT_FOUND`: its message names the version and package, so it is written with the answer
    /// rather than built for each version of a batch that is often all absent.
    case notFound
    case failed(PackageVersionErrorCode, message: String)
}

/// The per-version answer of a batch operation, in request order, duplicates removed.
struct BatchOutcome: Sendable {
    var outcomes: [(version: String, outcome: VersionAnswer)] = []

    var succeededCount: Int {
        outcomes.count { if case .succeeded = $0.outcome { true } else { false } }
    }
}
