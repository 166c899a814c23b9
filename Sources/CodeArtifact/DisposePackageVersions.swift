import Model
/// `DisposePackageVersions`: removes the assets of up to 100 versions, keeping their records (POST `/v1/package/versions/dispose`).
public struct DisposePackageVersions: CodeArtifactOperation, Hashable {
    public static let name = "DisposePackageVersions"

    public var package: PackageKey
    public var versions: [String]
    /// Act on a version only if it still has this revision.
    public var versionRevisions: [String: String]?
    public var expectedStatus: PackageVersionStatus?

    public init(package: PackageKey, versions: [String], versionRevisions: [String: String]? = nil,
                expectedStatus: PackageVersionStatus? = nil) {
        self.package = package
        self.versions = versions
        self.versionRevisions = versionRevisions
        self.expectedStatus = expectedStatus
    }

    public func serviceRequest() throws -> ServiceRequest {
        ServiceRequest(method: "POST", path: "/v1/package/versions/dispose", query: package.queryParameters,
                       body: ResponseBody.versionsRequest(versions: versions, versionRevisions: versionRevisions,
                                                          expectedStatus: expectedStatus))
    }

    public static func decode(_ response: ServiceResponse) throws -> PackageVersionsOutput {
        try decodeVersionsResult(from: response)
    }
}
