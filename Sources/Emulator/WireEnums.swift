// Stand-ins until the CodeArtifact target's wire enums land.
enum PackageVersionStatus: String, Sendable, CaseIterable {
    case published = "Published", unfinished = "Unfinished", unlisted = "Unlisted"
    case archived = "Archived", disposed = "Disposed", deleted = "Deleted"
}

enum PackageVersionErrorCode: String, Sendable, CaseIterable {
    case alreadyExists = "ALREADY_EXISTS", mismatchedRevision = "MISMATCHED_REVISION"
    case mismatchedStatus = "MISMATCHED_STATUS", notAllowed = "NOT_ALLOWED"
    case notFound = "NOT_FOUND", skipped = "SKIPPED"
}
