import Model

extension PackageKey {
    /// The row's package; `defaultOwner` (`--domain-owner`) fills in a missing domainOwner.
    public init(_ row: ManifestRow, defaultOwner: String?) {
        self.init(domain: row.domain, domainOwner: row.domainOwner ?? defaultOwner, repository: row.repository,
                  format: row.format, namespace: row.namespace, package: row.package)
    }
}
