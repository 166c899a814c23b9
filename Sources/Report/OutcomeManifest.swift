import JSONLines
import Journal
import Manifest
import Model

/// `cabatch outcomes`: the versions of a plan that ended in one state, as a manifest another
/// plan can take (the second phase of a reversible cleanup: delete exactly what was archived).
public enum OutcomeManifest {
    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var operation: BatchOperation
        public var state: VersionState
        public var versions = 0
        public var packages = 0
    }

    /// The state a name means for a plan of `operation`: a state's own name (`done`, `absent`,
    /// `changed`, `failed`, `pending`) or the done state's name after the operation (`archived`).
    public static func state(named name: String, operation: BatchOperation) -> VersionState? {
        if name == "done" || name == operation.doneName { return .done }
        return VersionState.allCases.first { $0 != .done && $0.stableName == name }
    }

    /// Writes every version of `source` in `state`, in plan order, to `path` (zstd when it ends in
    /// `.zst`). Each row keeps its package's coordinates and the status it has now as far as
    /// the journal knows: the operation's target status when done, the plan's expected status
    /// when nothing changed it (failed, pending); none when absent or changed.
    public static func write(_ source: PlanJournal, state: VersionState, to path: String) throws -> Summary {
        let operation = source.planHeader.operation
        var summary = Summary(operation: operation, state: state)
        let writer = try JSONLinesWriter(path: path, compressed: path.hasSuffix(".zst"))
        var lastKey: PackageKey?
        try source.forEachStretch { replay in
            try replay.forEachVersion(in: state) { entry in
                let key = entry.request.key
                let status: PackageVersionStatus?
                switch state {
                case .done: status = operation.targetStatus
                case .failed, .pending: status = entry.request.expectedStatus
                case .absent, .changed: status = nil
                }
                let row = ManifestRow(domain: key.domain, domainOwner: key.domainOwner, repository: key.repository,
                                      format: key.format, namespace: key.namespace, package: key.package,
                                      version: entry.version, status: status)
                try writer.write(row.encoded())
                summary.versions += 1
                if key != lastKey { summary.packages += 1 }
                lastKey = key
            }
        }
        try writer.commit()
        return summary
    }
}
