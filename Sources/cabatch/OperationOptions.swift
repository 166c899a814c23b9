import ArgumentParser
import Model
import Plan

// The service's vocabulary as option values: the parser lists the values and refuses others.
extension BatchOperation: ExpressibleByArgument {}
extension PackageFormat: ExpressibleByArgument {}
extension PackageVersionStatus: ExpressibleByArgument {}
extension PackageVersionOriginType: ExpressibleByArgument {}

/// What a plan does to its versions, and whether the rows' statuses and revisions become the
/// requests' preconditions: the options `plan` and `run` share.
struct OperationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "What to do to every version: delete (DeletePackageVersions), archive, unlist, restore (UpdatePackageVersionsStatus to Archived, Unlisted, Published) or dispose (DisposePackageVersions). Rows' status becomes each request's expectedStatus; their revision becomes versionRevisions for every operation but delete, whose API has no such member.",
        valueName: "operation"))
    var operation: BatchOperation = .delete

    @Flag(help: "Send no precondition from the rows' status and revision (for an inventory known to be stale).")
    var ignoreInventoryStatus = false

    /// The preconditions, with `--expected-status` when given (it replaces the rows' statuses).
    func preconditions(expectedStatus: PackageVersionStatus?) throws -> PackageGroups.Preconditions {
        if let expectedStatus {
            if ignoreInventoryStatus { throw ValidationError("--expected-status and --ignore-inventory-status cannot be used together.") }
            return .expectedStatus(expectedStatus)
        }
        return ignoreInventoryStatus ? .ignored : .fromRows
    }
}
