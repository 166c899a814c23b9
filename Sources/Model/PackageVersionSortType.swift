/// How `ListPackageVersions` orders a package's versions (`sortBy`); without it the service's own order.
public enum PackageVersionSortType: String, Sendable, Hashable, CaseIterable {
    /// Newest first: the service lists versions in descending order of publish time.
    case publishedTime = "PUBLISHED_TIME"
}
