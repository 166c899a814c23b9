import Journal
import Model

/// Everything a deletion report shows, aggregated from one or more plans and their journals.
///
/// Built by `ReportData(sources:)`, a pure function; every renderer reads only this (the CSV
/// completion report, which lists every version, streams from the sources instead).
public struct ReportData: Sendable, Equatable {
    /// Version of the JSON schema (`docs/report-schema.md`); raised on any incompatible change.
    /// 2: the report names its operation, states have stable names (`done`, not `deleted`) and
    /// `changed` is counted.
    public static let schemaVersion = 2

    public var shards: [ShardInfo]
    public var planned: Planned
    public var totals: StateCounts
    /// The first journal header or run start, and the last record, over all shards.
    public var startTime: Timestamp?
    public var endTime: Timestamp?
    /// Seconds in which at least one run was active (gaps between runs left out).
    public var activeSeconds: Double
    /// Versions that reached a final state per active second.
    public var versionsPerSecond: Double
    /// Answers per active second.
    public var requestsPerSecond: Double
    public var throughput: Throughput
    public var byDomain: [Breakdown]
    public var byRepository: [Breakdown]
    public var byFormat: [Breakdown]
    /// The packages with the most versions deleted, most first (at most `topPackageLimit`).
    public var topPackages: [PackageCount]
    /// Failed versions grouped by error code, largest group first.
    public var failures: [FailureGroup]
    /// Pending versions grouped by the last reason they were refused (`never sent` when none).
    public var pendingReasons: [FailureGroup]
    /// Versions left alone because they changed since the inventory, grouped by code.
    public var changed: [FailureGroup] = []
    public var requests: RequestStatistics
    /// Per operation, when the plans carry out more than one (a two-phase cleanup's report).
    public var byOperation: [OperationTotals] = []

    /// The operations the plans carry out, in the order of the plans.
    public var operations: [BatchOperation] {
        var seen: [BatchOperation] = []
        for shard in shards where !seen.contains(shard.operation) { seen.append(shard.operation) }
        return seen
    }

    /// The plans' one operation, or `nil` when they carry out several.
    public var operation: BatchOperation? { operations.count == 1 ? operations[0] : nil }

    /// How the report names a state: the done state after the operation (`done` when several).
    public func stateName(_ state: VersionState) -> String {
        if let operation { return state.name(for: operation) }
        return state == .done ? "done" : state.name(for: .delete)
    }

    /// The states a table shows: `changed` only when some plan could meet it (its versions
    /// carried preconditions, or the operation is not a delete) and some version did.
    public var shownStates: [VersionState] {
        totals.changed > 0 || operations.contains(where: { $0 != .delete })
            ? [.done, .absent, .changed, .failed, .pending] : [.done, .absent, .failed, .pending]
    }

    /// One operation's share of a report over plans of several.
    public struct OperationTotals: Sendable, Equatable {
        public var operation: BatchOperation
        public var plans: Int
        public var totals: StateCounts
    }

    public static let topPackageLimit = 10
    public static let exampleLimit = 3

    /// What the plans held.
    public struct Planned: Sendable, Equatable {
        public var versions = 0
        public var requests = 0
        public var packages = 0
    }

    /// Where one shard came from.
    public struct ShardInfo: Sendable, Equatable {
        public var plan: String
        public var operation: BatchOperation = .delete
        public var planSHA256: String
        /// `I/N` when the plan is one shard of a job.
        public var shard: String?
        public var journal: String?
        public var tornLine: Int?
        public var manifests: [ManifestInfo]
        /// cabatch versions that wrote the journal (header and run starts), in order of appearance.
        public var cabatchVersions: [String]
        public var runs: [RunInfo]
    }

    /// A manifest the plan was made from.
    public struct ManifestInfo: Sendable, Equatable {
        public var name: String
        public var sha256: String
        public var rows: Int
    }

    /// One `apply` invocation.
    public struct RunInfo: Sendable, Equatable {
        public var start: Timestamp
        public var end: Timestamp
        /// `completed`, `interrupted`, `failure-threshold`, `fatal-error`, or `unfinished` when the
        /// run ended without a run-end record (killed).
        public var outcome: String
        public var endpoint: String?
        public var region: String?
        public var concurrency: Int?
        public var activeSeconds: Double
        public var answers: Int
    }

    /// Versions settled over the active time, in equal buckets.
    public struct Throughput: Sendable, Equatable {
        public var bucketSeconds: Int
        public var buckets: [Bucket]

        /// One bucket of `bucketSeconds`, starting `offsetSeconds` into the active time.
        public struct Bucket: Sendable, Equatable {
            public var offsetSeconds: Int
            public var answers: Int
            public var settled: Int
            public var done: Int
        }
    }

    /// State counts of one domain, repository or format.
    public struct Breakdown: Sendable, Equatable {
        public var name: String
        public var counts: StateCounts
    }

    /// One package's deletions.
    public struct PackageCount: Sendable, Equatable {
        /// `npm/types/node`.
        public var package: String
        /// `acme/npm-store`.
        public var repository: String
        public var done: Int
        public var planned: Int
    }

    /// Versions sharing an error code.
    public struct FailureGroup: Sendable, Equatable {
        public var code: String
        public var count: Int
        public var sampleMessage: String
        /// `acme/npm-store npm/types/node@18.11.9`.
        public var examples: [String]
    }

    /// What the requests did.
    public struct RequestStatistics: Sendable, Equatable {
        public var attempts = 0
        public var retries = 0
        public var answers = 0
        public var throttled = 0
        public var transportErrors = 0
        public var lostAnswers = 0
        /// Versions found absent after an attempt with them lost its answer: most likely deleted by it.
        public var absentAfterLostAnswer = 0
        public var latencyP50: Int?
        public var latencyP95: Int?
        public var latencyP99: Int?
        public var latencyMax: Int?
        /// Answers per HTTP status, by status.
        public var httpStatuses: [Count]
        /// Answers per error type, most first.
        public var errorTypes: [Count]
    }

    /// A named count.
    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
    }
}
