import SigV4
import Model

/// `ListPackageVersions`: one page of a package's versions (POST `/v1/package/versions`), used to verify a run.
public struct ListPackageVersions: CodeArtifactOperation, Hashable {
    public static let name = "ListPackageVersions"

    public var package: PackageKey
    public var status: PackageVersionStatus?
    /// 1–1000; the service's default when `nil`.
    public var maxResults: Int?
    public var nextToken: String?
    public var sortBy: String?
    public var originType: String?

    public init(package: PackageKey, status: PackageVersionStatus? = nil, maxResults: Int? = nil,
                nextToken: String? = nil, sortBy: String? = nil, originType: String? = nil) {
        self.package = package
        self.status = status
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.sortBy = sortBy
        self.originType = originType
    }

    public func serviceRequest() throws -> ServiceRequest {
        var query = package.queryParameters
        if let status { query.append(QueryParameter("status", status.rawValue)) }
        if let sortBy { query.append(QueryParameter("sortBy", sortBy)) }
        if let maxResults { query.append(QueryParameter("max-results", String(maxResults))) }
        if let nextToken { query.append(QueryParameter("next-token", nextToken)) }
        if let originType { query.append(QueryParameter("originType", originType)) }
        return ServiceRequest(method: "POST", path: "/v1/package/versions", query: query, body: [])
    }

    public static func decode(_ response: ServiceResponse) throws -> ListPackageVersionsOutput {
        ListPackageVersionsOutput(result: try decodeBody(response, ListPackageVersionsResult.init(jsonBody:)),
                                  httpStatus: response.status, requestID: response.requestID)
    }

    /// The request for the page after `output`, or `nil` on the last page.
    public func next(after output: ListPackageVersionsOutput) -> ListPackageVersions? {
        guard let token = output.result.nextToken, !token.isEmpty else { return nil }
        var next = self
        next.nextToken = token
        return next
    }
}

/// One page of `ListPackageVersions`.
public struct ListPackageVersionsOutput: Sendable, Hashable {
    public var result: ListPackageVersionsResult
    public var httpStatus: Int
    public var requestID: String?

    public var versions: [PackageVersionSummary] { result.versions ?? [] }
    public var nextToken: String? { result.nextToken }
}

/// The body of a `ListPackageVersions` answer, for clients and the emulator.
public struct ListPackageVersionsResult: Sendable, Hashable {
    public var defaultDisplayVersion: String?
    public var format: String?
    public var namespace: String?
    public var package: String?
    public var versions: [PackageVersionSummary]?
    public var nextToken: String?

    public init(defaultDisplayVersion: String? = nil, format: String? = nil, namespace: String? = nil,
                package: String? = nil, versions: [PackageVersionSummary]? = nil, nextToken: String? = nil) {
        self.defaultDisplayVersion = defaultDisplayVersion
        self.format = format
        self.namespace = namespace
        self.package = package
        self.versions = versions
        self.nextToken = nextToken
    }
}

extension ListPackageVersionsResult {
    /// Reads one page; unknown members are ignored and `null` is absent.
    init(jsonBody body: [UInt8]) throws(ResponseBody.Failure) {
        guard let object = try ResponseBody.object(body) else { return }
        defaultDisplayVersion = try ResponseBody.string(object["defaultDisplayVersion"], "defaultDisplayVersion")
        format = try ResponseBody.string(object["format"], "format")
        namespace = try ResponseBody.string(object["namespace"], "namespace")
        package = try ResponseBody.string(object["package"], "package")
        nextToken = try ResponseBody.string(object["nextToken"], "nextToken")
        guard let list = object["versions"], !list.isNull else { return }
        guard let items = list.arrayValue else { throw ResponseBody.Failure("versions is not an array") }
        var versions: [PackageVersionSummary] = []
        versions.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let fields = item.objectValue else { throw ResponseBody.Failure("versions[\(index)] is not an object") }
            guard let version = try ResponseBody.string(fields["version"], "versions[\(index)].version") else {
                throw ResponseBody.Failure("versions[\(index)].version is missing")
            }
            guard let status = try ResponseBody.string(fields["status"], "versions[\(index)].status") else {
                throw ResponseBody.Failure("versions[\(index)].status is missing")
            }
            var summary = PackageVersionSummary(version: version,
                                                revision: try ResponseBody.string(fields["revision"], "versions[\(index)].revision"),
                                                rawStatus: status)
            summary.originType = try ResponseBody.string(fields["origin"]?.objectValue?["originType"],
                                                         "versions[\(index)].origin.originType")
            versions.append(summary)
        }
        self.versions = versions
    }
}

/// One version in a listing.
public struct PackageVersionSummary: Sendable, Hashable {
    public var version: String
    public var revision: String?
    /// Raw, so a status added later does not break the listing.
    public var status: String
    /// `INTERNAL` (published to the domain) or `EXTERNAL` (from an upstream), when the service says.
    public var originType: String?

    public init(version: String, revision: String? = nil, status: PackageVersionStatus) {
        self.version = version
        self.revision = revision
        self.status = status.rawValue
    }

    public init(version: String, revision: String?, rawStatus: String) {
        self.version = version
        self.revision = revision
        self.status = rawStatus
    }

    public var knownStatus: PackageVersionStatus? { PackageVersionStatus(rawValue: status) }
}
