/// What an export found and what it cost, including the parts an earlier, interrupted run did.
public struct ExportSummary: Sendable, Hashable {
    /// One repository's figures.
    public struct Repository: Sendable, Hashable {
        public var name: String
        public var packages = 0
        public var versions = 0
        /// Versions by status, by the status's wire name.
        public var statuses: [String: Int] = [:]
    }

    public var inventory: String
    /// `false` when the export stopped before its end (Ctrl-C); the inventory is not written then.
    public var complete: Bool
    public var repositories: [Repository] = []
    public var packages: Int { repositories.reduce(0) { $0 + $1.packages } }
    public var versions: Int { repositories.reduce(0) { $0 + $1.versions } }
    /// Packages still to list when the export stopped; 0 when it stopped before every
    /// repository's packages were listed (then how many is not known yet).
    public var packagesLeft = 0
    /// Of them, `DescribePackageVersion` calls (`--published-time`), in this run.
    public var describeRequests = 0
    /// This run's figures from the pacer.
    public var thisRunRequests = 0
    public var retries = 0
    public var throttled = 0
    public var elapsed: Double = 0
    /// Packages an earlier run had already exported.
    public var resumedPackages = 0
    /// Packages listed in formats cabatch cannot write rows of, by format: listed, not exported.
    public var unknownFormats: [String: Int] = [:]
    /// Versions that were listed but gone when described.
    public var vanished = 0

    /// Versions by status over every repository.
    public var statuses: [String: Int] {
        repositories.reduce(into: [:]) { total, repository in
            for (status, count) in repository.statuses { total[status, default: 0] += count }
        }
    }
}

/// How far an export is, for a progress line.
public struct ExportProgress: Sendable, Hashable {
    public var elapsed: Double
    public var repositoriesListed: Int
    public var repositories: Int?
    public var packagesDone: Int
    /// Known once every repository's packages are listed.
    public var packages: Int?
    public var versions: Int
    /// This run's requests.
    public var requests: Int
    public var throttled: Int
    /// Packages done in this run (for the rate the ETA uses).
    public var packagesThisRun: Int
}
