/// Where a package version came from, as the service spells it (`PackageVersionOrigin.originType`).
public enum PackageVersionOriginType: String, Sendable, Hashable, CaseIterable {
    /// Published to the domain directly.
    case `internal` = "INTERNAL"
    /// Fetched from an upstream or external connection.
    case external = "EXTERNAL"
    case unknown = "UNKNOWN"
}
