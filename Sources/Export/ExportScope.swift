import JSONLines
import Model

/// What `cabatch export` lists: one domain, narrowed by repository, format, namespace, package
/// prefix and status, and whether each version's publish time is read too.
public struct ExportScope: Sendable, Hashable {
    public var domain: String
    /// `nil`: the caller's own account.
    public var domainOwner: String?
    /// Empty: every repository of the domain.
    public var repositories: [String]
    public var format: PackageFormat?
    /// The service's filter: packages whose namespace starts with this.
    public var namespace: String?
    public var packagePrefix: String?
    /// Empty: versions of every status.
    public var statuses: Set<PackageVersionStatus>
    /// One `DescribePackageVersion` per version, for its `publishedTime`.
    public var publishedTime: Bool

    public init(domain: String, domainOwner: String? = nil, repositories: [String] = [], format: PackageFormat? = nil,
                namespace: String? = nil, packagePrefix: String? = nil, statuses: Set<PackageVersionStatus> = [],
                publishedTime: Bool = false) {
        self.domain = domain
        self.domainOwner = domainOwner
        self.repositories = repositories
        self.format = format
        self.namespace = namespace
        self.packagePrefix = packagePrefix
        self.statuses = statuses
        self.publishedTime = publishedTime
    }

    /// The scope as one JSON line, members in a fixed order and sets sorted: an unfinished
    /// export resumes only under the scope it began with.
    public func encoded() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.member("exportFormat", 1)
        w.member("domain", domain)
        w.member("domainOwner", domainOwner)
        w.key("repositories")
        w.beginArray()
        for repository in Set(repositories).sorted() { w.string(repository) }
        w.endArray()
        w.member("format", format?.rawValue)
        w.member("namespace", namespace)
        w.member("packagePrefix", packagePrefix)
        w.key("statuses")
        w.beginArray()
        for status in statuses.map(\.rawValue).sorted() { w.string(status) }
        w.endArray()
        w.member("publishedTime", publishedTime)
        w.endObject()
        return w.bytes
    }
}
