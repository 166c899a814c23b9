import JSONLines
import Model

/// One version as the emulator holds it: its package (with the domain's owner), status,
/// revision and how many deletes and status changes were applied to it; a line of the state file.
public struct StoredVersion: Sendable, Hashable {
    public var package: PackageKey
    public var version: String
    /// The wire name of the status (`Published`, `Deleted`, …).
    public var status: String
    public var revision: String
    /// How many times a delete was applied to the version; the truth a run is checked against.
    public var deletes: Int
    /// How many status changes (`UpdatePackageVersionsStatus`, `DisposePackageVersions`) were
    /// applied to the version: a run that changed each version once leaves 1 on each.
    public var changes: Int

    /// The version as one JSON object, with the members of a manifest row plus the counts.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("domain", package.domain)
        json.memberIfPresent("domainOwner", package.domainOwner)
        json.member("repository", package.repository)
        json.member("format", package.format.rawValue)
        json.memberIfPresent("namespace", package.namespace)
        json.member("package", package.package)
        json.member("version", version)
        json.member("status", status)
        json.member("revision", revision)
        json.member("deletes", deletes)
        json.member("changes", changes)
        json.endObject()
    }
}
