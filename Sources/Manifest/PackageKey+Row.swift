import Model

extension PackageKey {
    /// The row's package; `defaultOwner` (`--domain-owner`) fills in a missing domainOwner.
    public init(_ row: ManifestRow, defaultOwner: String?) {
        self = row.key
        if domainOwner == nil { domainOwner = defaultOwner }
    }
}
