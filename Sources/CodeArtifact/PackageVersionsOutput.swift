/// What a batch operation (delete, dispose, update status) answered: per-version outcomes plus the HTTP facts the journal keeps.
public struct PackageVersionsOutput: Sendable, Hashable {
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

/// The answer of `DeletePackageVersions`.
public typealias DeletePackageVersionsOutput = PackageVersionsOutput
