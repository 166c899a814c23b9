import Model
import SigV4

/// `ListPackages`: one page of a repository's packages (POST `/v1/packages`).
public struct ListPackages: CodeArtifactOperation, Hashable {
    public static let name = "ListPackages"

    public var domain: String
    public var domainOwner: String?
    public var repository: String
    public var format: PackageFormat?
    /// Packages whose namespace starts with this (the service's filter is a prefix).
    public var namespace: String?
    public var packagePrefix: String?
    /// 1–1000; the service's default when `nil`.
    public var maxResults: Int?
    public var nextToken: String?

    public init(domain: String, domainOwner: String? = nil, repository: String, format: PackageFormat? = nil,
                namespace: String? = nil, packagePrefix: String? = nil, maxResults: Int? = nil, nextToken: String? = nil) {
        self.domain = domain
        self.domainOwner = domainOwner
        self.repository = repository
        self.format = format
        self.namespace = namespace
        self.packagePrefix = packagePrefix
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    public func serviceRequest() throws -> ServiceRequest {
        var query = [QueryParameter("domain", domain)]
        if let domainOwner { query.append(QueryParameter("domain-owner", domainOwner)) }
        query.append(QueryParameter("repository", repository))
        if let format { query.append(QueryParameter("format", format.rawValue)) }
        if let namespace { query.append(QueryParameter("namespace", namespace)) }
        if let packagePrefix { query.append(QueryParameter("package-prefix", packagePrefix)) }
        if let maxResults { query.append(QueryParameter("max-results", String(maxResults))) }
        if let nextToken { query.append(QueryParameter("next-token", nextToken)) }
        return ServiceRequest(method: "POST", path: "/v1/packages", query: query, body: [])
    }

    public static func decode(_ response: ServiceResponse) throws -> Page<PackageSummary> {
        try decodeBody(response) { body throws(ResponseBody.Failure) in
            try Page(jsonBody: body, member: "packages") { fields, path throws(ResponseBody.Failure) in
                guard let format = try ResponseBody.string(fields["format"], "\(path).format") else {
                    throw ResponseBody.Failure("\(path).format is missing")
                }
                guard let package = try ResponseBody.string(fields["package"], "\(path).package") else {
                    throw ResponseBody.Failure("\(path).package is missing")
                }
                return PackageSummary(rawFormat: format, namespace: try ResponseBody.string(fields["namespace"], "\(path).namespace"),
                                      package: package)
            }
        }
    }

    /// The request for the page after `page`, or `nil` on the last page.
    public func next<Item>(after page: Page<Item>) -> ListPackages? {
        guard let token = page.nextToken else { return nil }
        var next = self
        next.nextToken = token
        return next
    }
}

/// One package in a listing.
public struct PackageSummary: Sendable, Hashable {
    /// Raw, so that a format added to the service later is reported, not dropped.
    public var rawFormat: String
    public var namespace: String?
    public var package: String

    public init(rawFormat: String, namespace: String? = nil, package: String) {
        self.rawFormat = rawFormat
        self.namespace = namespace
        self.package = package
    }

    public var format: PackageFormat? { PackageFormat(rawValue: rawFormat) }
}
