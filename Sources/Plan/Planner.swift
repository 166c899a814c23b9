import Manifest
import JSONLines
import Model

/// Reads manifests and plans them: the `plan` stage end to end, minus writing the file.
public struct Planner: Sendable {
    public var defaultDomainOwner: String?
    public var shard: Shard?
    public var skipInvalid: Bool
    public var operation: BatchOperation
    public var preconditions: PackageGroups.Preconditions
    public var scanner: ManifestScanner

    public init(defaultDomainOwner: String? = nil, shard: Shard? = nil, skipInvalid: Bool = false,
                operation: BatchOperation = .delete, preconditions: PackageGroups.Preconditions = .fromRows,
                scanner: ManifestScanner = ManifestScanner()) {
        self.defaultDomainOwner = defaultDomainOwner
        self.shard = shard
        self.skipInvalid = skipInvalid
        self.operation = operation
        self.preconditions = preconditions
        self.scanner = scanner
    }

    /// What planning produced: the header (totals, manifests) and the requests to write.
    public struct Result: Sendable {
        public var header: PlanHeader
        public var builder: PlanBuilder
        /// Whether a plan may be written: no rejects, or `--skip-invalid`.
        public var isWritable: Bool { header.totals.rejects == 0 || header.skipInvalid }
    }

    /// Plans `inputs`, handing every reject to `onReject` in file and line order. Versions the
    /// rows give two different preconditions are `PlanError.conflictingPreconditions`.
    public func plan(_ inputs: [InputFile], onReject: (Reject) throws -> Void) throws -> Result {
        var builder = PlanBuilder()
        let owner = defaultDomainOwner
        let shard = shard
        let preconditions = preconditions
        let stats = try scanner.scan(inputs, transform: { rows in
            PackageGroups.group(rows, defaultOwner: owner, shard: shard, preconditions: preconditions)
        }, consume: { batch in
            for reject in batch.rejects { try onReject(reject) }
            builder.add(batch.partial)
        })
        let totals = builder.finalize(rows: stats.reduce(0) { $0 + $1.rows },
                                      rejects: stats.reduce(0) { $0 + $1.rejectCount },
                                      blankLines: stats.reduce(0) { $0 + $1.blankLines })
        if !builder.conflicts.isEmpty { throw PlanError.conflictingPreconditions(builder.conflicts) }
        var header = PlanHeader(manifests: stats, defaultDomainOwner: defaultDomainOwner,
                                skipInvalid: skipInvalid, shard: shard, totals: totals)
        header.operation = operation
        header.preconditions = preconditions
        return Result(header: header, builder: builder)
    }
}
