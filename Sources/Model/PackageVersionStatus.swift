/// A package version's lifecycle status, as the service spells it.
public enum PackageVersionStatus: String, Sendable, Hashable, CaseIterable {
    case published = "Published"
    case unfinished = "Unfinished"
    case unlisted = "Unlisted"
    case archived = "Archived"
    case disposed = "Disposed"
    case deleted = "Deleted"
}
