import JSONLines

extension ManifestRow {
    /// The row as one manifest line, members in the order of `PackageField`; absent optional
    /// members are left out. What `select` writes and every reader accepts.
    public func encoded() -> JSONWriter {
        var w = JSONWriter(capacity: 192)
        w.beginObject()
        writeMembers(to: &w)
        w.endObject()
        return w
    }

    /// The row's members, into an object `w` has begun (a decision adds its own after them).
    public func writeMembers(to w: inout JSONWriter) {
        w.member("domain", key.domain)
        if let owner = key.domainOwner { w.member("domainOwner", owner) }
        w.member("repository", key.repository)
        w.member("format", key.format.rawValue)
        if let namespace = key.namespace { w.member("namespace", namespace) }
        w.member("package", key.package)
        w.member("version", version)
        if let status { w.member("status", status.rawValue) }
        if let revision { w.member("revision", revision) }
        if let origin { w.member("origin", origin.rawValue) }
        if let publishedTime { w.member("publishedTime", publishedTime.iso8601) }
        if let isDefaultDisplayVersion { w.member("defaultDisplayVersion", isDefaultDisplayVersion) }
    }
}
