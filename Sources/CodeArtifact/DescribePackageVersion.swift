import Model
import SigV4

/// `DescribePackageVersion`: one version's details, among them when it was published
/// (GET `/v1/package/version`).
public struct DescribePackageVersion: CodeArtifactOperation, Hashable {
    public static let name = "DescribePackageVersion"

    public var package: PackageKey
    public var version: String

    public init(package: PackageKey, version: String) {
        self.package = package
        self.version = version
    }

    public func serviceRequest() throws -> ServiceRequest {
        ServiceRequest(method: "GET", path: "/v1/package/version",
                       query: package.queryParameters + [QueryParameter("version", version)], body: [])
    }

    public static func decode(_ response: ServiceResponse) throws -> PackageVersionDescription {
        try decodeBody(response) { body throws(ResponseBody.Failure) in
            guard let object = try ResponseBody.object(body), let described = object["packageVersion"]?.objectValue else {
                throw ResponseBody.Failure("packageVersion is missing")
            }
            guard let version = try ResponseBody.string(described["version"], "packageVersion.version") else {
                throw ResponseBody.Failure("packageVersion.version is missing")
            }
            var publishedTime: Double?
            if let time = described["publishedTime"], !time.isNull {
                // The service sends epoch seconds, a number (with a fraction).
                guard let seconds = time.doubleValue else { throw ResponseBody.Failure("packageVersion.publishedTime is not a number") }
                publishedTime = seconds
            }
            return PackageVersionDescription(
                version: version, revision: try ResponseBody.string(described["revision"], "packageVersion.revision"),
                status: try ResponseBody.string(described["status"], "packageVersion.status"),
                publishedTime: publishedTime,
                originType: try ResponseBody.string(described["origin"]?.objectValue?["originType"], "packageVersion.origin.originType"))
        }
    }
}

/// What `DescribePackageVersion` says of a version (the members an inventory keeps).
public struct PackageVersionDescription: Sendable, Hashable {
    public var version: String
    public var revision: String?
    /// Raw, so that a status added later is reported, not dropped.
    public var status: String?
    /// Seconds since 1970-01-01T00:00:00Z.
    public var publishedTime: Double?
    /// `INTERNAL` (published to the domain) or `EXTERNAL` (from an upstream); `UNKNOWN` too.
    public var originType: String?

    public init(version: String, revision: String? = nil, status: String? = nil, publishedTime: Double? = nil,
                originType: String? = nil) {
        self.version = version
        self.revision = revision
        self.status = status
        self.publishedTime = publishedTime
        self.originType = originType
    }
}
