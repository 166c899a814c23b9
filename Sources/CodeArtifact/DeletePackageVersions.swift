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

    public static func decode(_ response: ServiceResponse) throws -> DeletePackageVersionsOutput {
        DeletePackageVersionsOutput(result: try decodeBody(PackageVersionsResult.self, from: response),
                                    httpStatus: response.status, requestID: response.requestID)
    }
}

/// What `DeletePackageVersions` answered: per-version outcomes plus the HTTP facts the journal keeps.
public struct DeletePackageVersionsOutput: Sendable, Hashable {
    public var result: PackageVersionsResult
    public var httpStatus: Int
    public var requestID: String?

    public init(result: PackageVersionsResult, httpStatus: Int, requestID: String?) {
        self.result = result
        self.httpStatus = httpStatus
        self.requestID = requestID
    }

    public var successfulVersions: [String: SuccessfulPackageVersion] { result.successfulVersions ?? [:] }
    public var failedVersions: [String: PackageVersionFailure] { result.failedVersions ?? [:] }
}
