import Model
/// The body shared by the batch operations' answers (`successfulVersions`, `failedVersions`), for clients and the emulator.
public struct PackageVersionsResult: Sendable, Hashable {
    public var successfulVersions: [String: SuccessfulPackageVersion]?
    public var failedVersions: [String: PackageVersionFailure]?

    public init(successfulVersions: [String: SuccessfulPackageVersion]? = nil,
                failedVersions: [String: PackageVersionFailure]? = nil) {
        self.successfulVersions = successfulVersions
        self.failedVersions = failedVersions
    }
}

/// One version the service acted on: its revision and the status it now has.
public struct SuccessfulPackageVersion: Sendable, Hashable {
    public var revision: String?
    public var status: PackageVersionStatus?

    public init(revision: String?, status: PackageVersionStatus?) {
        self.revision = revision
        self.status = status
    }
}

/// One version the service refused, with its code and message.
public struct PackageVersionFailure: Sendable, Hashable {
    /// The code as sent; kept raw so that a code added later still reaches the journal.
    public var errorCode: String
    public var errorMessage: String?

    public init(errorCode: PackageVersionErrorCode, errorMessage: String?) {
        self.errorCode = errorCode.rawValue
        self.errorMessage = errorMessage
    }

    public init(rawErrorCode: String, errorMessage: String?) {
        self.errorCode = rawErrorCode
        self.errorMessage = errorMessage
    }

    /// The known code, when it is one.
    public var code: PackageVersionErrorCode? { PackageVersionErrorCode(rawValue: errorCode) }
}
