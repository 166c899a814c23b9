/// A batch operation a plan carries out on its versions, and the API call that does it.
public enum BatchOperation: String, Sendable, Hashable, CaseIterable {
    /// `DeletePackageVersions`: the versions and their assets are gone for good.
    case delete
    /// `UpdatePackageVersionsStatus` to `Archived`: not downloadable, restorable.
    case archive
    /// `UpdatePackageVersionsStatus` to `Unlisted`: downloadable by exact version, not listed.
    case unlist
    /// `UpdatePackageVersionsStatus` to `Published`: undoes an archive or an unlist.
    case restore
    /// `DisposePackageVersions`: the assets are deleted, the version record stays as `Disposed`.
    case dispose

    /// The API operation that carries it out.
    public var apiName: String {
        switch self {
        case .delete: "DeletePackageVersions"
        case .archive, .unlist, .restore: "UpdatePackageVersionsStatus"
        case .dispose: "DisposePackageVersions"
        }
    }

    /// The status a version has once the operation is done (`Deleted` for delete: the service's
    /// own answer, though a deleted version is no longer listed).
    public var targetStatus: PackageVersionStatus {
        switch self {
        case .delete: .deleted
        case .archive: .archived
        case .unlist: .unlisted
        case .restore: .published
        case .dispose: .disposed
        }
    }

    /// How reports name a version this operation was carried out on.
    public var doneName: String {
        switch self {
        case .delete: "deleted"
        case .archive: "archived"
        case .unlist: "unlisted"
        case .restore: "restored"
        case .dispose: "disposed"
        }
    }

    /// Whether nothing can bring a version back afterwards.
    public var isIrreversible: Bool { self == .delete || self == .dispose }

    /// Whether the operation's request takes `versionRevisions` (DeletePackageVersions has no such member).
    public var takesRevisions: Bool { self != .delete }

    /// The operation of a plan header's `operation` member: its own name, or the API name that
    /// plans of format 2 (delete only) wrote.
    public init?(planName: String) {
        if let operation = BatchOperation(rawValue: planName) {
            self = operation
        } else if planName == "DeletePackageVersions" {
            self = .delete
        } else {
            return nil
        }
    }
}
