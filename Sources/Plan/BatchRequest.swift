import Model

/// One planned call of the plan's operation: up to 100 versions of one package, with the
/// preconditions the inventory gave for them.
public struct BatchRequest: Sendable, Hashable {
    /// The service's limit on versions per request.
    public static let maxVersions = 100

    /// 1-based, in plan order; journals and reports refer to requests by it.
    public var id: Int
    public var key: PackageKey
    public var versions: [String]
    /// Sent as `expectedStatus`: the status every version had in the inventory.
    public var expectedStatus: PackageVersionStatus?
    /// Sent as `versionRevisions` by the operations that take it, parallel to `versions`; an
    /// empty string where the inventory named no revision. `nil` when it named none at all.
    public var revisions: [String]?

    public init(id: Int, key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus? = nil,
                revisions: [String]? = nil) {
        self.id = id
        self.key = key
        self.versions = versions
        self.expectedStatus = expectedStatus
        self.revisions = revisions
    }

    /// `versionRevisions` as the service takes it: the versions with a known revision.
    public var versionRevisions: [String: String]? {
        guard let revisions else { return nil }
        var map: [String: String] = [:]
        for (version, revision) in zip(versions, revisions) where !revision.isEmpty { map[version] = revision }
        return map.isEmpty ? nil : map
    }
}
