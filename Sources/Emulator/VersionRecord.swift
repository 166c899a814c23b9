import Model

/// One version of an inventory package: its current status, what the inventory says of it and
/// what requests did to it.
///
/// Benchmarks hold ten million of these, so the record stays at 40 bytes with no allocation of
/// its own for the common row: the revision is only stored when the row gave one (otherwise it
/// is computed from the coordinates), the counters are 16 bits wide and the time is an integer.
struct VersionRecord: Sendable, Hashable {
    var status: PackageVersionStatus
    var origin: PackageVersionOriginType
    /// How many times a delete was applied; more than one would mean a double delete. Saturates
    /// at 65,535.
    var deletes: UInt16 = 0
    /// How many status changes (update or dispose) were applied; each gives a new revision.
    /// Saturates at 65,535, after which the revision stays put.
    var changes: UInt16 = 0
    /// The inventory's revision; `nil` for the one computed from the coordinates.
    var givenRevision: String?
    /// Milliseconds since 1970.
    var publishedTime: Int64
    /// The last batch that named this version (``Inventory``'s count), so that a batch naming a
    /// version twice answers for it once.
    var batch: UInt64 = 0

    init(status: PackageVersionStatus, origin: PackageVersionOriginType = .internal, revision: String? = nil,
         publishedTime: Int64) {
        self.status = status
        self.origin = origin
        givenRevision = revision
        self.publishedTime = publishedTime
    }

    /// Whether the service still knows the version; deleted versions are gone for every API.
    var exists: Bool { status != .deleted }

    /// The revision now: the inventory's (or the computed one) until a status change, then one
    /// derived from it and the count of changes, so that each change makes a revision of its own.
    func revision(_ seed: RevisionSeed, _ version: String) -> String {
        let base = givenRevision ?? seed.revision(of: version)
        return changes == 0 ? base : RevisionSeed.revision(after: base, changes: changes)
    }

    /// Records a status change made by a request.
    mutating func change(to target: PackageVersionStatus) {
        status = target
        if changes < .max { changes += 1 }
    }

    /// Records a delete.
    mutating func delete() {
        status = .deleted
        if deletes < .max { deletes += 1 }
    }
}

/// The versions of one package, in inventory order, and what listing them needs.
///
/// Versions are never removed (a deleted one keeps its record and its place), so a position in
/// `order` names the same version for the inventory's lifetime: page tokens are positions.
struct PackageVersions: Sendable {
    var order: [String] = []
    var records: [String: VersionRecord] = [:]
    /// The version an inventory row flagged as the default display version.
    var flaggedDefault: String?
    /// The latest publish time so far, from which a row without one gets the next.
    var latestPublished: Int64?
    /// Positions in `order`, newest publish time first (ties: later position first); built on
    /// the first sorted listing, dropped when a version is added.
    var byPublishedTime: [Int32]?
    /// The default display version as last computed; dropped on any change to the package.
    var defaultDisplayCache: String??

    /// Adds `version`, or replaces its record where it stands.
    mutating func add(_ version: String, _ record: VersionRecord, isDefault: Bool?) {
        if records.updateValue(record, forKey: version) == nil {
            order.append(version)
        }
        latestPublished = max(latestPublished ?? record.publishedTime, record.publishedTime)
        if isDefault == true {
            flaggedDefault = version
        } else if isDefault == false, flaggedDefault == version {
            flaggedDefault = nil
        }
        byPublishedTime = nil
        defaultDisplayCache = nil
    }

    /// The version clients are shown by default: the flagged one while it exists, otherwise the
    /// service's rule for formats without tags, the most recently published `Published` version
    /// (ties: the later row). `nil` when no version qualifies.
    mutating func defaultDisplayVersion() -> String? {
        if let cached = defaultDisplayCache { return cached }
        var found: String?
        if let flagged = flaggedDefault, records[flagged]?.exists == true {
            found = flagged
        } else {
            var newest: Int64 = .min
            for version in order {
                let record = records[version]!
                if record.status == .published, record.publishedTime >= newest {
                    newest = record.publishedTime
                    found = version
                }
            }
        }
        defaultDisplayCache = .some(found)
        return found
    }

    /// `byPublishedTime`, built when missing.
    mutating func publishedTimeOrder() -> [Int32] {
        if let sorted = byPublishedTime { return sorted }
        let times: [Int64] = order.map { records[$0]!.publishedTime }
        let sorted = (0..<Int32(order.count)).sorted { (a: Int32, b: Int32) -> Bool in
            let (timeA, timeB) = (times[Int(a)], times[Int(b)])
            return timeA != timeB ? timeA > timeB : a > b
        }
        byPublishedTime = sorted
        return sorted
    }
}

/// What a per-version operation answers for one version.
enum VersionAnswer: Sendable, Hashable {
    case succeeded(revision: String, status: PackageVersionStatus)
    /// `NOT_FOUND`: its message names the version and package, so it is written with the answer
    /// rather than built for each version of a batch that is often all absent.
    case notFound
    case failed(PackageVersionErrorCode, message: String)

    var succeeded: Bool {
        if case .succeeded = self { true } else { false }
    }

    /// `MISMATCHED_STATUS`, worded as the service words it.
    static func mismatchedStatus(_ current: PackageVersionStatus, expected: PackageVersionStatus) -> VersionAnswer {
        .failed(.mismatchedStatus, message: "current status: \(current.rawValue), expected status: \(expected.rawValue)")
    }

    /// `MISMATCHED_REVISION`, worded as the service words it.
    static func mismatchedRevision(_ current: String, expected: String) -> VersionAnswer {
        .failed(.mismatchedRevision, message: "current revision: \(current), expected revision: \(expected)")
    }

    /// `SKIPPED`: not attempted because another version of the request failed (or the skip fault).
    static func skipped(_ version: String) -> VersionAnswer {
        .failed(.skipped, message: "version \(version) is skipped")
    }
}

/// The per-version answer of a batch operation, in request order, duplicates removed.
struct BatchOutcome: Sendable {
    var outcomes: [(version: String, outcome: VersionAnswer)] = []

    var succeededCount: Int {
        outcomes.count { $0.outcome.succeeded }
    }
}
