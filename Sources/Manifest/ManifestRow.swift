import Model
/// One package version named by a manifest or inventory line, already validated.
public struct ManifestRow: Sendable, Hashable {
    public var domain: String
    /// The account that owns the domain; `nil` means the caller's account (or `--domain-owner`).
    public var domainOwner: String?
    public var repository: String
    public var format: PackageFormat
    /// `nil` when the package has no namespace (always for pypi, nuget, ruby, cargo).
    public var namespace: String?
    public var package: String
    public var version: String
    /// The inventory's `status` member when present (inventories and emulator seeds carry it);
    /// manifests ignore it.
    public var status: String?

    public init(domain: String, domainOwner: String? = nil, repository: String, format: PackageFormat,
                namespace: String? = nil, package: String, version: String, status: String? = nil) {
        self.domain = domain
        self.domainOwner = domainOwner
        self.repository = repository
        self.format = format
        self.namespace = namespace
        self.package = package
        self.version = version
        self.status = status
    }

    /// The service's checks of every member and of the namespace rule, in member order.
    public func violations() -> [RuleViolation] {
        var found: [RuleViolation] = []
        if let v = ServiceConstraints.check(.domain, domain) { found.append(v) }
        if let owner = domainOwner, let v = ServiceConstraints.check(.domainOwner, owner) { found.append(v) }
        if let v = ServiceConstraints.check(.repository, repository) { found.append(v) }
        if let ns = namespace, let v = ServiceConstraints.check(.namespace, ns) { found.append(v) }
        if let v = ServiceConstraints.checkNamespace(format: format, namespace: namespace) { found.append(v) }
        if let v = ServiceConstraints.check(.package, package) { found.append(v) }
        if let v = ServiceConstraints.check(.version, version) { found.append(v) }
        return found
    }
}
