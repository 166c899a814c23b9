import SigV4

/// Where a package lives: the query members shared by every per-package operation.
///
/// Plain strings: the manifest validates them against the service's rules before they get here.
public struct PackageCoordinates: Sendable, Hashable, Codable, CustomStringConvertible {
    public var domain: String
    /// The account that owns the domain; `nil` means the caller's own account.
    public var domainOwner: String?
    public var repository: String
    public var format: String
    public var namespace: String?
    public var package: String

    public init(domain: String, domainOwner: String? = nil, repository: String, format: String,
                namespace: String? = nil, package: String) {
        self.domain = domain
        self.domainOwner = domainOwner
        self.repository = repository
        self.format = format
        self.namespace = namespace
        self.package = package
    }

    /// The query parameters in the model's member order, optional ones only when present.
    public var queryParameters: [QueryParameter] {
        var query = [QueryParameter("domain", domain)]
        if let domainOwner { query.append(QueryParameter("domain-owner", domainOwner)) }
        query.append(QueryParameter("repository", repository))
        query.append(QueryParameter("format", format))
        if let namespace { query.append(QueryParameter("namespace", namespace)) }
        query.append(QueryParameter("package", package))
        return query
    }

    /// `acme/npm-store npm/types/node`, for messages.
    public var description: String {
        "\(domain)/\(repository) \(format)/" + (namespace.map { "\($0)/" } ?? "") + package
    }
}
