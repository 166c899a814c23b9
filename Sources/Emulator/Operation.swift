/// An operation of the CodeArtifact API the emulator serves, routed by method and path.
enum Operation: String, Sendable, CaseIterable {
    case deletePackageVersions = "DeletePackageVersions"
    case listPackageVersions = "ListPackageVersions"
    case listRepositoriesInDomain = "ListRepositoriesInDomain"
    case listPackages = "ListPackages"
    case describePackageVersion = "DescribePackageVersion"
    case updatePackageVersionsStatus = "UpdatePackageVersionsStatus"
    case disposePackageVersions = "DisposePackageVersions"

    /// The operation the model binds to `method` and `path` (rest-json: `POST /v1/…`, a few `GET`).
    init?(method: String, path: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let operation = Self.allCases.first(where: { $0.path == trimmed && $0.method == method }) else { return nil }
        self = operation
    }

    var method: String {
        switch self {
        case .describePackageVersion: "GET"
        case .deletePackageVersions, .listPackageVersions, .listRepositoriesInDomain, .listPackages,
             .updatePackageVersionsStatus, .disposePackageVersions: "POST"
        }
    }

    var path: String {
        switch self {
        case .deletePackageVersions: "/v1/package/versions/delete"
        case .listPackageVersions: "/v1/package/versions"
        case .listRepositoriesInDomain: "/v1/domain/repositories"
        case .listPackages: "/v1/packages"
        case .describePackageVersion: "/v1/package/version"
        case .updatePackageVersionsStatus: "/v1/package/versions/update_status"
        case .disposePackageVersions: "/v1/package/versions/dispose"
        }
    }

    /// Writes change the inventory: they spend the write throttle's tokens, can lose their
    /// answers and have versions skipped; reads spend the read throttle's.
    var isWrite: Bool {
        switch self {
        case .deletePackageVersions, .updatePackageVersionsStatus, .disposePackageVersions: true
        case .listPackageVersions, .listRepositoriesInDomain, .listPackages, .describePackageVersion: false
        }
    }
}
