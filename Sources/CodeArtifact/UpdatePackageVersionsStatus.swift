import Model
/// `UpdatePackageVersionsStatus`: moves up to 100 versions to `targetStatus` (POST `/v1/package/versions/update_status`).
public struct UpdatePackageVersionsStatus: CodeArtifactOperation, Hashable {
    public static let name = "UpdatePackageVersionsStatus"

    public var package: PackageKey
    public var versions: [String]
    public var targetStatus: PackageVersionStatus
    /// Act on a version only if it still has this revision.
    public var versionRevisions: [String: String]?
    public var expectedStatus: PackageVersionStatus?

    public init(package: PackageKey, versions: [String], targetStatus: PackageVersionStatus,
                versionRevisions: [String: String]? = nil, expectedStatus: PackageVersionStatus? = nil) {
        self.package = package
        self.versions = versions
        self.targetStatus = targetStatus
        self.versionRevisions = versionRevisions
        self.expectedStatus = expectedStatus
    }

    public func serviceRequest() throws -> ServiceRequest {
        ServiceRequest(method: "POST", path: "/v1/package/versions/update_status", query: package.queryParameters,
                       body: ResponseBody.versionsRequest(versions: versions, versionRevisions: versionRevisions,
                                                          expectedStatus: expectedStatus, targetStatus: targetStatus))
    }

    public static func decode(_ response: ServiceResponse) throws -> PackageVersionsOutput {
        try decodeVersionsResult(from: response)
    }
}
