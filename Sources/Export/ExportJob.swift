import CodeArtifact
import Foundation
import JSONLines
import Manifest
import Model

/// `cabatch export` as a library call: lists a domain's repositories, their packages and every
/// package's versions into an inventory, resumably.
///
/// Two phases. First every repository's package list, each saved whole once complete; then the
/// versions of each package, `concurrency` packages at a time, written in the export's order
/// (repository name, then the service's package key order) however the answers arrive. Every
/// read goes through one `ReadPacer`: the adaptive limiter and the retry policy writes use.
public final class ExportJob: Sendable {
    public let scope: ExportScope
    public let outputPath: String
    public let concurrency: Int
    private let client: CodeArtifactClient
    private let pacer: ReadPacer
    private let clock: @Sendable () -> Double
    /// The running figures, kept past a failure: how far this run got decides its exit status.
    private let counters = Counters()
    /// The largest page the service gives.
    static let pageSize = 1000
    /// Descriptions in flight for one package, within `concurrency`'s share of the pacer.
    static let describesPerPackage = 8

    public init(scope: ExportScope, outputPath: String, concurrency: Int, client: CodeArtifactClient, pacer: ReadPacer,
                clock: @escaping @Sendable () -> Double = ReadPacer.monotonicSeconds) {
        self.scope = scope
        self.outputPath = outputPath
        self.concurrency = max(1, concurrency)
        self.client = client
        self.pacer = pacer
        self.clock = clock
    }

    /// Where the checkpoint of this export lives while it is unfinished.
    public var checkpointDirectory: String { ExportCheckpoint.directory(forOutput: outputPath) }

    /// Whether an earlier run left this export unfinished (ask before `run`).
    public var isResuming: Bool { FileManager.default.fileExists(atPath: checkpointDirectory) }

    /// Packages this run has written so far (also after it failed).
    public var packagesExportedThisRun: Int { counters.snapshot(elapsed: 0, statistics: ReadPacer.Statistics()).packagesThisRun }

    /// Runs the export to its end, or until `stop` is requested (then in-flight packages finish
    /// and are kept; the summary says the export is not complete). Throws `ExportError`.
    public func run(stop: ExportStop = ExportStop(),
                    progress: (@Sendable (ExportProgress) -> Void)? = nil, progressInterval: Double = 1) async throws -> ExportSummary {
        let start = clock()
        let counters = self.counters
        let checkpoint: ExportCheckpoint
        do { checkpoint = try ExportCheckpoint(output: outputPath, scope: scope) } catch let error as FileError {
            throw ExportError.refused(operation: "export", error: "\(error)")
        }
        let ticker = progress.map { report in
            Task { [pacer, clock] in
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: UInt64(progressInterval * 1e9))
                    let statistics = await pacer.statistics
                    report(counters.snapshot(elapsed: clock() - start, statistics: statistics))
                }
            }
        }
        defer { ticker?.cancel() }

        let repositories: [ExportCheckpoint.Repository]
        do { repositories = try await listRepositories(checkpoint) } catch let error as ExportError where !error.isResumable {
            // An unknown domain or repository: nothing to continue, so nothing is left behind.
            if checkpoint.records.isEmpty { checkpoint.remove() }
            throw error
        }
        counters.update { $0.repositories = repositories.count }
        var lists: [[ExportCheckpoint.Package]] = []
        for index in repositories.indices {
            if stop.isRequested { break }
            lists.append(try await listPackages(repositories[index], index: index, checkpoint: checkpoint))
            counters.update { $0.repositoriesListed = index + 1 }
        }
        let total = lists.count == repositories.count ? lists.reduce(0) { $0 + $1.count } : nil
        let resumed = checkpoint.records.count
        counters.update {
            $0.packages = total
            $0.packagesDone = resumed
            $0.versions = checkpoint.records.reduce(0) { $0 + $1.statuses.values.reduce(0, +) }
        }

        var describes = 0
        if !stop.isRequested, lists.count == repositories.count {
            describes = try await exportVersions(repositories, lists, checkpoint: checkpoint, stop: stop, counters: counters)
        }
        let statistics = await pacer.statistics
        var summary = Self.summary(repositories, checkpoint.records, inventory: outputPath)
        summary.resumedPackages = resumed
        summary.describeRequests = describes
        summary.thisRunRequests = statistics.attempts
        summary.retries = statistics.retries
        summary.throttled = statistics.throttled
        // Unknown (0) until every repository's packages are listed.
        summary.packagesLeft = total.map { $0 - checkpoint.records.count } ?? 0
        summary.complete = total != nil && summary.packagesLeft == 0
        if summary.complete {
            do { try checkpoint.finish(into: outputPath) } catch let error as FileError {
                throw ExportError.refused(operation: "export", error: "\(error)")
            }
        }
        summary.elapsed = clock() - start
        return summary
    }

    // MARK: - Phase 1: repositories and packages

    private func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do { return try await pacer.perform(body) } catch {
            throw ExportError.from(error, operation: operation, domain: scope.domain, owner: scope.domainOwner)
        }
    }

    private func listRepositories(_ checkpoint: ExportCheckpoint) async throws -> [ExportCheckpoint.Repository] {
        if let saved = checkpoint.repositories { return saved }
        var listed: [ExportCheckpoint.Repository] = []
        var request: ListRepositoriesInDomain? = ListRepositoriesInDomain(domain: scope.domain, domainOwner: scope.domainOwner,
                                                                          maxResults: Self.pageSize)
        while let current = request {
            let page = try await read(ListRepositoriesInDomain.name) { [client] in try await client.send(current) }
            listed += page.items.map { ExportCheckpoint.Repository(name: $0.name, domainOwner: $0.domainOwner ?? scope.domainOwner) }
            request = current.next(after: page)
        }
        if !scope.repositories.isEmpty {
            let names = Set(listed.map(\.name))
            let missing = Set(scope.repositories).subtracting(names).sorted()
            guard missing.isEmpty else { throw ExportError.unknownRepositories(missing, domain: scope.domain) }
            let wanted = Set(scope.repositories)
            listed = listed.filter { wanted.contains($0.name) }
        }
        var seen = Set<String>()
        listed = listed.filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
        do { try checkpoint.saveRepositories(listed) } catch let error as FileError {
            throw ExportError.refused(operation: "export", error: "\(error)")
        }
        return listed
    }

    private func listPackages(_ repository: ExportCheckpoint.Repository, index: Int,
                              checkpoint: ExportCheckpoint) async throws -> [ExportCheckpoint.Package] {
        if let saved = try checkpoint.packages(ofRepository: index) { return saved }
        var listed: [ExportCheckpoint.Package] = []
        var request: ListPackages? = ListPackages(domain: scope.domain, domainOwner: repository.domainOwner,
                                                  repository: repository.name, format: scope.format,
                                                  namespace: scope.namespace, packagePrefix: scope.packagePrefix,
                                                  maxResults: Self.pageSize)
        while let current = request {
            let page: Page<PackageSummary>
            do {
                page = try await read(ListPackages.name) { [client] in try await client.send(current) }
            } catch ExportError.notFound {
                throw ExportError.unknownRepositories([repository.name], domain: scope.domain)
            }
            listed += page.items.map { ExportCheckpoint.Package(rawFormat: $0.rawFormat, namespace: $0.namespace, name: $0.package) }
            request = current.next(after: page)
        }
        // The export's order, whatever order pages came in; a package listed twice (pages of a
        // listing that changed meanwhile) once.
        var seen = Set<ExportCheckpoint.Package>()
        listed = listed.filter { seen.insert($0).inserted }.sorted(by: Self.packageOrder)
        do { try checkpoint.savePackages(listed, ofRepository: index) } catch let error as FileError {
            throw ExportError.refused(operation: "export", error: "\(error)")
        }
        return listed
    }

    /// Format, then namespace (none first), then name: byte order, the same on every machine.
    static func packageOrder(_ a: ExportCheckpoint.Package, _ b: ExportCheckpoint.Package) -> Bool {
        if a.rawFormat != b.rawFormat { return Array(a.rawFormat.utf8).lexicographicallyPrecedes(b.rawFormat.utf8) }
        if a.namespace != b.namespace {
            guard let x = a.namespace else { return true }
            guard let y = b.namespace else { return false }
            return Array(x.utf8).lexicographicallyPrecedes(y.utf8)
        }
        return Array(a.name.utf8).lexicographicallyPrecedes(b.name.utf8)
    }

    // MARK: - Phase 2: versions

    /// One package's rows and what they cost.
    struct PackageRows: Sendable {
        var lines: [UInt8]
        var record: ExportCheckpoint.PackageRecord
        var describes: Int
    }

    /// A child task's answer: which work item, and its rows or why it failed. A struct, not a
    /// tuple: a release build read back the index of a `(Int, Result<…>)` task result as 0.
    struct ListedPackage: Sendable {
        var index: Int
        var result: Result<PackageRows, ExportError>
    }

    /// Lists every package's versions from the checkpoint's resume point on; returns how many
    /// descriptions were read.
    private func exportVersions(_ repositories: [ExportCheckpoint.Repository], _ lists: [[ExportCheckpoint.Package]],
                                checkpoint: ExportCheckpoint, stop: ExportStop, counters: Counters) async throws -> Int {
        // Every package left, in the export's order.
        var work: [(repository: Int, package: Int)] = []
        let resume = checkpoint.resumePoint
        for r in resume.repository..<lists.count {
            for p in (r == resume.repository ? resume.package : 0)..<lists[r].count { work.append((r, p)) }
        }
        var describes = 0
        var failure: ExportError?
        try await withThrowingTaskGroup(of: ListedPackage.self) { group in
            var next = 0
            var written = 0
            var waiting: [Int: PackageRows] = [:]
            while next < work.count && next < concurrency && !stop.isRequested {
                addTask(to: &group, index: next, work[next], repositories, lists)
                next += 1
            }
            while let listed = try await group.next() {
                switch listed.result {
                case .success(let rows): waiting[listed.index] = rows
                case .failure(let error):
                    if failure == nil { failure = error }
                    stop.request()
                }
                // Rows go out in order: a package waits for those before it.
                while let rows = waiting.removeValue(forKey: written) {
                    do { try checkpoint.commit(rows: rows.lines, rows.record) } catch let error as FileError {
                        throw ExportError.refused(operation: "export", error: "\(error)")
                    }
                    describes += rows.describes
                    written += 1
                    counters.update {
                        $0.packagesDone += 1
                        $0.packagesThisRun += 1
                        $0.versions += rows.record.statuses.values.reduce(0, +)
                    }
                }
                if next < work.count && !stop.isRequested {
                    addTask(to: &group, index: next, work[next], repositories, lists)
                    next += 1
                }
            }
        }
        if let failure { throw failure }
        return describes
    }

    /// Lists work item `index` in a child task that answers with its index, so that rows can be
    /// put back in order; everything the task needs is passed in as a value.
    private func addTask(to group: inout ThrowingTaskGroup<ListedPackage, any Error>, index: Int,
                         _ item: (repository: Int, package: Int), _ repositories: [ExportCheckpoint.Repository],
                         _ lists: [[ExportCheckpoint.Package]]) {
        let repository = repositories[item.repository]
        let package = lists[item.repository][item.package]
        let (r, p) = item
        group.addTask { [self] in
            do {
                return ListedPackage(index: index, result: .success(try await exportPackage(package, repository: repository, r: r, p: p)))
            } catch {
                return ListedPackage(index: index, result: .failure(error as? ExportError ?? ExportError.from(
                    error, operation: ListPackageVersions.name, domain: scope.domain, owner: scope.domainOwner)))
            }
        }
    }

    private func exportPackage(_ package: ExportCheckpoint.Package, repository: ExportCheckpoint.Repository,
                               r: Int, p: Int) async throws -> PackageRows {
        var record = ExportCheckpoint.PackageRecord(repository: r, package: p, end: 0, requests: 0, statuses: [:], vanished: 0)
        guard let format = PackageFormat(rawValue: package.rawFormat) else {
            record.unknownFormat = package.rawFormat
            return PackageRows(lines: [], record: record, describes: 0)
        }
        let key = PackageKey(domain: scope.domain, domainOwner: repository.domainOwner, repository: repository.name,
                             format: format, namespace: package.namespace, package: package.name)
        // Newest first from the service (sortBy PUBLISHED_TIME); every page, then oldest first.
        var listed: [PackageVersionSummary] = []
        var defaultVersion: String?
        var request: ListPackageVersions? = ListPackageVersions(package: key, maxResults: Self.pageSize, sortBy: "PUBLISHED_TIME")
        while let current = request {
            let page: ListPackageVersionsOutput
            do {
                page = try await read(ListPackageVersions.name) { [client] in try await client.send(current) }
            } catch ExportError.notFound {
                // Deleted since its repository was listed: it has no versions left to list.
                record.requests += 1
                return PackageRows(lines: [], record: record, describes: 0)
            }
            record.requests += 1
            listed += page.versions
            defaultVersion = page.result.defaultDisplayVersion ?? defaultVersion
            request = current.next(after: page)
        }
        var seen = Set<String>()
        let ordered = listed.reversed().filter { seen.insert($0.version).inserted }

        var chosen: [(rank: Int, summary: PackageVersionSummary)] = []
        for (index, summary) in ordered.enumerated() {
            if !scope.statuses.isEmpty, !scope.statuses.contains(where: { $0.rawValue == summary.status }) { continue }
            chosen.append((index + 1, summary))
        }
        var times: [String: Double?] = [:]
        var describes = 0
        if scope.publishedTime, !chosen.isEmpty {
            (times, describes) = try await describe(chosen.map(\.summary.version), of: key)
            record.requests += describes
        }

        var lines: [UInt8] = []
        lines.reserveCapacity(chosen.count * 256)
        for (rank, summary) in chosen {
            var publishedTime: Timestamp?
            if scope.publishedTime {
                guard let described = times[summary.version] else {
                    record.vanished += 1
                    continue
                }
                publishedTime = described.map { Timestamp(secondsSinceEpoch: $0) }
            }
            let row = ManifestRow(domain: key.domain, domainOwner: key.domainOwner, repository: key.repository, format: format,
                                  namespace: key.namespace, package: key.package, version: summary.version,
                                  status: summary.knownStatus, revision: summary.revision,
                                  origin: summary.originType.flatMap(PackageVersionOriginType.init(rawValue:)),
                                  publishedTime: publishedTime,
                                  isDefaultDisplayVersion: defaultVersion.map { $0 == summary.version } ?? false)
            var w = JSONWriter(capacity: 256)
            w.beginObject()
            row.writeMembers(to: &w)
            // The status as listed, even one this version of cabatch does not know by name.
            if summary.knownStatus == nil { w.member("status", summary.status) }
            w.member("publishRank", rank)
            w.endObject()
            lines += w.bytes
            lines.append(0x0A)
            record.statuses[summary.status, default: 0] += 1
        }
        return PackageRows(lines: lines, record: record, describes: describes)
    }

    /// Each version's `publishedTime` (`nil` inside when the service gave none); a version whose
    /// description is gone (deleted meanwhile) is missing from the result.
    private func describe(_ versions: [String], of key: PackageKey) async throws -> ([String: Double?], Int) {
        var times: [String: Double?] = [:]
        var requests = 0
        try await withThrowingTaskGroup(of: (String, Double??).self) { group in
            var next = 0
            while next < versions.count && next < Self.describesPerPackage {
                addDescribeTask(to: &group, versions[next], of: key)
                next += 1
            }
            while let (version, time) = try await group.next() {
                requests += 1
                if let time { times[version] = time }
                if next < versions.count {
                    addDescribeTask(to: &group, versions[next], of: key)
                    next += 1
                }
            }
        }
        return (times, requests)
    }

    /// Describes one version in a child task: its `publishedTime`, or `.none` when it is gone.
    private func addDescribeTask(to group: inout ThrowingTaskGroup<(String, Double??), any Error>, _ version: String,
                                 of key: PackageKey) {
        group.addTask { [self] in
            do {
                let described = try await read(DescribePackageVersion.name) { [client] in
                    try await client.send(DescribePackageVersion(package: key, version: version))
                }
                return (version, .some(described.publishedTime))
            } catch ExportError.notFound {
                // Gone since the listing: not an inventory row any more.
                return (version, .none)
            }
        }
    }

    // MARK: - Summary

    static func summary(_ repositories: [ExportCheckpoint.Repository], _ records: [ExportCheckpoint.PackageRecord],
                        inventory: String) -> ExportSummary {
        var summary = ExportSummary(inventory: inventory, complete: false)
        summary.repositories = repositories.map { ExportSummary.Repository(name: $0.name) }
        for record in records where record.repository < summary.repositories.count {
            if let format = record.unknownFormat {
                summary.unknownFormats[format, default: 0] += 1
                continue
            }
            summary.repositories[record.repository].packages += 1
            summary.vanished += record.vanished
            for (status, count) in record.statuses {
                summary.repositories[record.repository].versions += count
                summary.repositories[record.repository].statuses[status, default: 0] += count
            }
        }
        return summary
    }
}

/// A request to stop an export: no new package is started; those in flight finish and are kept.
public final class ExportStop: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public var isRequested: Bool { lock.withLock { requested } }

    public func request() { lock.withLock { requested = true } }
}

/// The export's running figures, shared with the progress ticker.
final class Counters: @unchecked Sendable {
    private let lock = NSLock()
    private var progress = ExportProgress(elapsed: 0, repositoriesListed: 0, repositories: nil, packagesDone: 0, packages: nil,
                                          versions: 0, requests: 0, throttled: 0, packagesThisRun: 0)

    func update(_ change: (inout ExportProgress) -> Void) { lock.withLock { change(&progress) } }

    func snapshot(elapsed: Double, statistics: ReadPacer.Statistics) -> ExportProgress {
        lock.withLock {
            var copy = progress
            copy.elapsed = elapsed
            copy.requests = statistics.attempts
            copy.throttled = statistics.throttled
            return copy
        }
    }
}
