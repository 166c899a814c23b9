import Model
/// One package version named by a manifest or inventory line, already validated: its package
/// (whose members read as the row's own: `row.domain`), the version and the inventory's status.
@dynamicMemberLookup
public struct ManifestRow: Sendable, Hashable {
    /// As the line names it: a `nil` domainOwner means the caller's account (or `--domain-owner`).
    public var key: PackageKey
    public var version: String
    /// What the version was when the inventory was taken, when the row says (`status`,
    /// `revision`); the basis of preconditions.
    public var status: PackageVersionStatus?
    public var revision: String?
    /// The inventory's `origin`, when present.
    public var origin: PackageVersionOriginType?
    /// When the version was published, when the inventory says (`export --published-time`).
    public var publishedTime: Timestamp?
    /// Whether the version was its package's `defaultDisplayVersion`, when the inventory says.
    public var isDefaultDisplayVersion: Bool?

    public init(domain: String, domainOwner: String? = nil, repository: String, format: PackageFormat,
                namespace: String? = nil, package: String, version: String, status: PackageVersionStatus? = nil,
                revision: String? = nil, origin: PackageVersionOriginType? = nil, publishedTime: Timestamp? = nil,
                isDefaultDisplayVersion: Bool? = nil) {
        key = PackageKey(domain: domain, domainOwner: domainOwner, repository: repository, format: format,
                         namespace: namespace, package: package)
        self.version = version
        self.status = status
        self.revision = revision
        self.origin = origin
        self.publishedTime = publishedTime
        self.isDefaultDisplayVersion = isDefaultDisplayVersion
    }

    public subscript<Value>(dynamicMember member: WritableKeyPath<PackageKey, Value>) -> Value {
        get { key[keyPath: member] }
        set { key[keyPath: member] = newValue }
    }

    /// The service's checks of every member and of the namespace rule, in member order.
    public func violations() -> [RuleViolation] {
        var found: [RuleViolation] = []
        if let v = ServiceConstraints.check(.domain, key.domain) { found.append(v) }
        if let owner = key.domainOwner, let v = ServiceConstraints.check(.domainOwner, owner) { found.append(v) }
        if let v = ServiceConstraints.check(.repository, key.repository) { found.append(v) }
        if let ns = key.namespace, let v = ServiceConstraints.check(.namespace, ns) { found.append(v) }
        if let v = ServiceConstraints.checkNamespace(format: key.format, namespace: key.namespace) { found.append(v) }
        if let v = ServiceConstraints.check(.package, key.package) { found.append(v) }
        if let v = ServiceConstraints.check(.version, version) { found.append(v) }
        return found
    }
}
