import Model
/// One planned `DeletePackageVersions` call: up to 100 versions of one package.
public struct DeleteRequest: Sendable, Hashable {
    /// The service's limit on versions per request.
    public static let maxVersions = 100

    /// 1-based, in plan order; journals and reports refer to requests by it.
    public var id: Int
    public var key: PackageKey
    public var versions: [String]

    public init(id: Int, key: PackageKey, versions: [String]) {
        self.id = id
        self.key = key
        self.versions = versions
    }
}
