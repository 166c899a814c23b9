/// A member of a manifest row, named as in the manifest's JSON and the service's API.
public enum PackageField: String, CaseIterable, Sendable, Hashable {
    case domain, domainOwner, repository, format, namespace, package, version

    /// Members every row must carry.
    public static let required: [PackageField] = [.domain, .repository, .format, .package, .version]

    /// The member's name in the service's query string (`domain-owner`), for messages that
    /// quote the API rather than the manifest.
    public var queryName: String {
        self == .domainOwner ? "domain-owner" : rawValue
    }
}
