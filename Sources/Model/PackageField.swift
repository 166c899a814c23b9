/// A member of a manifest or inventory row, named as in the row's JSON and the service's API:
/// the package version's coordinates, then what an inventory records of the version.
public enum PackageField: String, CaseIterable, Sendable, Hashable {
    case domain, domainOwner, repository, format, namespace, package, version
    case status, revision, origin, publishedTime, defaultDisplayVersion

    /// Members every row must carry.
    public static let required: [PackageField] = [.domain, .repository, .format, .package, .version]

    /// The member's name in the service's query string (`domain-owner`), for messages that
    /// quote the API rather than the manifest.
    public var queryName: String {
        self == .domainOwner ? "domain-owner" : rawValue
    }
}
