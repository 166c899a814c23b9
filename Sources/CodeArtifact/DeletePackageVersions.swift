/// `DeletePackageVersions`: deletes up to 100 versions of one package (POST `/v1/package/versions/delete`).
public struct DeletePackageVersions: CodeArtifactOperation, Hashable {
    public static let name = "DeletePackageVersions"

    public var coordinates: PackageCoordinates
    public var versions: [String]
    /// Refuse versions whose status is no longer this one (the inventory's status when it was taken).
    public var expectedStatus: PackageVersionStatus?

    public init(coordinates: PackageCoordinates, versions: [String], expectedStatus: PackageVersionStatus? = nil) {
        self.coordinates = coordinates
        self.versions = versions
        self.expectedStatus = expectedStatus
    }

    /// The JSON body's members.
    public struct Body: Codable, Sendable, Hashable {
        public var versions: [String]
        public var expectedStatus: PackageVersionStatus?

        public init(versions: [String], expectedStatus: PackageVersionStatus?) {
            self.versions = versions
            self.expectedStatus = expectedStatus
        }
    }

    public func serviceRequest() throws -> ServiceRequest {
        ServiceRequest(method: "POST", path: "/v1/package/versions/delete", query: coordinates.queryParameters,
                       body: try Self.jsonBody(Body(versions: versions, expectedStatus: expectedStatus)))
    }

    public static func decode(_ response: ServiceResponse) throws -> PackageVersionsOutput {
        PackageVersionsOutput(result: try decodeBody(PackageVersionsResult.self, from: response),
                                    httpStatus: response.status, requestID: response.requestID)
    }
}
