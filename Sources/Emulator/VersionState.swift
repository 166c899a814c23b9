import JSONLines

/// One line of the emulator's state file: a version's final status and how often it was deleted.
public struct VersionState: Sendable, Hashable {
    public var package: InventoryPackage
    public var domainOwner: String
    public var version: String
    /// The wire name of the status (`Published`, `Deleted`, …).
    public var status: String
    public var revision: String
    /// How many times a delete was applied to the version; the truth a run is checked against.
    public var deletes: Int

    /// The state as one JSON object, with the members of a manifest row plus the outcome.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("domain", package.domain)
        json.member("domainOwner", domainOwner)
        json.member("repository", package.repository)
        json.member("format", package.format.rawValue)
        json.memberIfPresent("namespace", package.namespace)
        json.member("package", package.package)
        json.member("version", version)
        json.member("status", status)
        json.member("revision", revision)
        json.member("deletes", deletes)
        json.endObject()
    }
}
