/// An operation of the CodeArtifact API the emulator serves, routed by method and path.
enum Operation: String, Sendable, CaseIterable {
    case deletePackageVersions = "DeletePackageVersions"
    case listPackageVersions = "ListPackageVersions"

    /// The operation the model binds to `method` and `path` (rest-json: `POST /v1/…`).
    init?(method: String, path: String) {
        guard method == "POST" else { return nil }
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let operation = Self.allCases.first(where: { $0.path == trimmed }) else { return nil }
        self = operation
    }

    var path: String {
        switch self {
        case .deletePackageVersions: "/v1/package/versions/delete"
        case .listPackageVersions: "/v1/package/versions"
        }
    }

    /// Writes change the inventory; only they spend throttling tokens and lose answers.
    var isWrite: Bool {
        switch self {
        case .deletePackageVersions: true
        case .listPackageVersions: false
        }
    }
}
