import Model

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

    /// What the answer says about one version that was sent.
    public func outcome(of version: String) -> VersionOutcome {
        if let success = result.successfulVersions?[version] { return .done(revision: success.revision) }
        guard let failure = result.failedVersions?[version] else {
            // Not mentioned at all: nothing is known, so it is asked again.
            return .retryable(code: "NOT_ANSWERED", message: "the answer did not mention this version")
        }
        switch failure.code {
        case .notFound: return .absent
        // The service did nothing for this version this time: another one in the batch failed.
        case .skipped: return .retryable(code: failure.errorCode, message: failure.errorMessage ?? "")
        // It is no longer what the inventory said: left alone, and reported as changed.
        case .mismatchedStatus, .mismatchedRevision: return .changed(code: failure.errorCode, message: failure.errorMessage ?? "")
        default: return .failed(code: failure.errorCode, message: failure.errorMessage ?? "")
        }
    }
}

/// The answer of `DeletePackageVersions`.
public typealias DeletePackageVersionsOutput = PackageVersionsOutput
