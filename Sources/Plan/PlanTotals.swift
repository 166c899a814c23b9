import Model

/// How much work a plan holds, in all and per repository.
public struct PlanTotals: Sendable, Equatable {
    /// One repository's share of the plan (one format within it).
    public struct Repository: Sendable, Equatable, Comparable {
        public var domain: String
        public var domainOwner: String?
        public var repository: String
        public var format: PackageFormat
        public var packages = 0
        public var versions = 0
        public var requests = 0

        public init(domain: String, domainOwner: String?, repository: String, format: PackageFormat) {
            self.domain = domain
            self.domainOwner = domainOwner
            self.repository = repository
            self.format = format
        }

        public static func < (a: Repository, b: Repository) -> Bool {
            (a.domain, a.domainOwner ?? "", a.repository, a.format.rawValue)
                < (b.domain, b.domainOwner ?? "", b.repository, b.format.rawValue)
        }
    }

    /// Valid rows read from the manifests (shard or not).
    public var rows = 0
    /// Rows left to other shards.
    public var rowsOutsideShard = 0
    /// Rows repeating a version already planned.
    public var duplicates = 0
    public var rejects = 0
    public var blankLines = 0
    public var packages = 0
    public var requests = 0
    public var versions = 0
    public var repositories: [Repository] = []

    public init() {}
}
