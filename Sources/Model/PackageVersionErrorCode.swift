/// Why the service refused one version of a batch (`failedVersions[v].errorCode`).
public enum PackageVersionErrorCode: String, Sendable, Hashable, CaseIterable {
    case alreadyExists = "ALREADY_EXISTS"
    case mismatchedRevision = "MISMATCHED_REVISION"
    case mismatchedStatus = "MISMATCHED_STATUS"
    case notAllowed = "NOT_ALLOWED"
    case notFound = "NOT_FOUND"
    /// Not attempted because another version of the same request failed.
    case skipped = "SKIPPED"
}
