import JSONLines
import Model

/// `DeletePackageVersions`: deletes up to 100 versions of one package (POST `/v1/package/versions/delete`).
public struct DeletePackageVersions: CodeArtifactOperation, Hashable {
    public static let name = "DeletePackageVersions"

    public var package: PackageKey
    public var versions: [String]
    /// Refuse versions whose status is no longer this one (the inventory's status when it was taken).
    public var expectedStatus: PackageVersionStatus?

    public init(package: PackageKey, versions: [String], expectedStatus: PackageVersionStatus? = nil) {
        self.package = package
        self.versions = versions
        self.expectedStatus = expectedStatus
    }

    public func serviceRequest() throws -> ServiceRequest {
        ServiceRequest(method: "POST", path: "/v1/package/versions/delete", query: package.queryParameters,
                       body: ResponseBody.versionsRequest(versions: versions, expectedStatus: expectedStatus))
    }

    public static func decode(_ response: ServiceResponse) throws -> PackageVersionsOutput {
        try decodeVersionsResult(from: response)
    }
}
