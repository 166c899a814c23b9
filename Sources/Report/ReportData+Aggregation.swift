import Journal
import Plan
import Model

extension ReportData {
    /// Aggregates one or more shards (each a plan and its journal) into a report, reading each
    /// source's stretches once.
    public init(sources: [PlanJournal]) throws {
        var planned = Planned()
        var totals = StateCounts()
        var domains: [String: StateCounts] = [:], repositories: [String: StateCounts] = [:], formats: [String: StateCounts] = [:]
        var topPackages = TopPackages(limit: Self.topPackageLimit)
        var failures = FailureTally(), pendingReasons = FailureTally(), changed = FailureTally()
        var statistics = RequestStatistics(httpStatuses: [], errorTypes: [])
        // The journal's counts over every stretch of every source, summed one way.
        var summed = JournalStatistics()
        var latencies: [Int] = []
        var shards: [ShardInfo] = []
        var startTime: Timestamp?, endTime: Timestamp?
        var timeline = ActiveTimeline()

        // Runs first: the throughput chart's buckets need the whole active time.
        for source in sources {
            planned.versions += source.plannedVersions
            planned.requests += source.plannedRequests
            planned.packages += source.planHeader.totals.packages
            var versions: [String] = []
            if let header = source.journalHeader {
                versions.append(header.cabatchVersion)
                startTime = min(startTime ?? header.startTime, header.startTime)
            }
            var runs: [RunInfo] = []
            for run in source.runs {
                let end = run.end?.time ?? run.lastTime
                timeline.add(run.firstTime, end)
                startTime = min(startTime ?? run.firstTime, run.firstTime)
                endTime = max(endTime ?? end, end)
                if let v = run.start?.cabatchVersion, !versions.contains(v) { versions.append(v) }
                runs.append(RunInfo(start: run.firstTime, end: end, outcome: run.end?.reason.rawValue ?? "unfinished",
                                    endpoint: run.start?.endpoint, region: run.start?.region,
                                    concurrency: run.start?.concurrency, activeSeconds: run.activeSeconds,
                                    answers: run.answers))
            }
            shards.append(ShardInfo(
                plan: source.planName, operation: source.planHeader.operation, planSHA256: source.planSHA256,
                shard: source.planHeader.shard?.description,
                journal: source.journalName, tornLine: source.tornLine,
                manifests: source.planHeader.manifests.map { ManifestInfo(name: $0.name, sha256: $0.sha256, rows: $0.rows) },
                cabatchVersions: versions, runs: runs))
        }
        var throughput = ThroughputTally(timeline)

        var operationTotals: [BatchOperation: StateCounts] = [:]
        for source in sources {
            try source.forEachStretch { replay in
                totals = totals + replay.totals
                operationTotals[source.planHeader.operation, default: StateCounts()] = operationTotals[source.planHeader.operation, default: StateCounts()] + replay.totals
                // Requests of one package are consecutive in a plan, and so are packages of one
                // repository: counts are gathered per package, so no per-package table is kept.
                let plan = replay.requests
                for package in 0..<plan.packageCount {
                    let requests = plan.requestRange(ofPackage: package)
                    let key = plan.key(ofPackage: package)
                    var counts = StateCounts(), versions = 0
                    for r in requests {
                        for state in replay.states(request: plan.firstId + r) { counts[state] += 1 }
                        versions += plan.versionRange(at: r).count
                    }
                    let domain = key.domainOwner.map { "\(key.domain) (\($0))" } ?? key.domain
                    let repository = "\(key.domain)/\(key.repository)"
                    domains[domain, default: StateCounts()] = domains[domain, default: StateCounts()] + counts
                    repositories[repository, default: StateCounts()] = repositories[repository, default: StateCounts()] + counts
                    formats[key.format.rawValue, default: StateCounts()] = formats[key.format.rawValue, default: StateCounts()] + counts
                    if counts.done > 0 {
                        topPackages.offer(PackageCount(package: key.packageName, repository: repository,
                                                       done: counts.done, planned: versions))
                    }
                }
                replay.forEachVersion(in: .failed) { entry in
                    failures.add(code: entry.errorCode ?? "unknown", message: entry.errorMessage ?? "", entry)
                }
                replay.forEachVersion(in: .changed) { entry in
                    changed.add(code: entry.errorCode ?? "unknown", message: entry.errorMessage ?? "", entry)
                }
                replay.forEachVersion(in: .pending) { entry in
                    if let code = entry.errorCode {
                        pendingReasons.add(code: code, message: entry.errorMessage ?? "", entry)
                    } else {
                        pendingReasons.add(code: "never answered", message: "", entry)
                    }
                }

                summed = summed + replay.statistics
                statistics.lostAnswers += replay.lostAnswers
                latencies.append(contentsOf: replay.latencies)
                replay.forEachSettlement { time, settled, done in throughput.add(time, settled: settled, done: done) }
            }
        }

        statistics.attempts = summed.attempts
        statistics.retries = summed.retries
        statistics.answers = summed.answers
        statistics.throttled = summed.throttled
        statistics.transportErrors = summed.transportErrors
        statistics.absentAfterLostAnswer = summed.absentAfterLostAnswer
        latencies.sort()
        statistics.latencyP50 = Self.percentile(latencies, 0.50)
        statistics.latencyP95 = Self.percentile(latencies, 0.95)
        statistics.latencyP99 = Self.percentile(latencies, 0.99)
        statistics.latencyMax = latencies.last
        statistics.httpStatuses = summed.httpStatuses.sorted { $0.key < $1.key }.map { Count(name: String($0.key), count: $0.value) }
        statistics.errorTypes = summed.errorTypes.map { Count(name: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }

        let active = timeline.totalSeconds
        let settled = totals.total - totals.pending
        self.init(
            shards: shards, planned: planned, totals: totals, startTime: startTime, endTime: endTime,
            activeSeconds: active,
            versionsPerSecond: active > 0 ? Double(settled) / active : 0,
            requestsPerSecond: active > 0 ? Double(statistics.answers) / active : 0,
            throughput: throughput.result,
            byDomain: Self.breakdowns(domains), byRepository: Self.breakdowns(repositories), byFormat: Self.breakdowns(formats),
            topPackages: topPackages.sorted,
            failures: failures.groups, pendingReasons: pendingReasons.groups, requests: statistics)
        self.changed = changed.groups
        if operations.count > 1 {
            byOperation = operations.map { operation in
                OperationTotals(operation: operation, plans: shards.filter { $0.operation == operation }.count,
                                totals: operationTotals[operation] ?? StateCounts())
            }
        }
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Int], _ q: Double) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    private static func breakdowns(_ table: [String: StateCounts]) -> [Breakdown] {
        table.map { Breakdown(name: $0.key, counts: $0.value) }.sorted { $0.name < $1.name }
    }
}

/// Answers and settled versions per bucket of active time; at most `maxBuckets` buckets of a round width.
struct ThroughputTally {
    static let maxBuckets = 60
    private static let widths = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 21600, 43200, 86400]
    private let timeline: ActiveTimeline
    private let total: Int
    private let width: Int
    private var buckets: [ReportData.Throughput.Bucket]

    init(_ timeline: ActiveTimeline) {
        self.timeline = timeline
        let total = Int(timeline.totalSeconds.rounded(.up))
        self.total = total
        let width = Self.widths.first { total <= $0 * Self.maxBuckets } ?? max(1, (total + Self.maxBuckets - 1) / Self.maxBuckets)
        self.width = width
        buckets = (0..<max(1, (total + width - 1) / width)).map {
            ReportData.Throughput.Bucket(offsetSeconds: $0 * width, answers: 0, settled: 0, done: 0)
        }
    }

    /// Counts an answer at `time` that settled `settled` versions, `done` of them carried out.
    mutating func add(_ time: Timestamp, settled: Int, done: Int) {
        let index = min(buckets.count - 1, max(0, Int(timeline.offset(of: time)) / width))
        buckets[index].answers += 1
        buckets[index].settled += settled
        buckets[index].done += done
    }

    var result: ReportData.Throughput {
        ReportData.Throughput(bucketSeconds: width, buckets: total == 0 && buckets[0].answers == 0 ? [] : buckets)
    }
}

/// The packages with the most deletions, kept to a fixed number while offered one by one.
struct TopPackages {
    let limit: Int
    private var kept: [ReportData.PackageCount] = []

    init(limit: Int) { self.limit = limit }

    private static func before(_ a: ReportData.PackageCount, _ b: ReportData.PackageCount) -> Bool {
        (b.done, a.package, a.repository) < (a.done, b.package, b.repository)
    }

    mutating func offer(_ package: ReportData.PackageCount) {
        if kept.count == limit, let last = kept.last, !Self.before(package, last) { return }
        let at = kept.firstIndex { Self.before(package, $0) } ?? kept.count
        kept.insert(package, at: at)
        if kept.count > limit { kept.removeLast() }
    }

    var sorted: [ReportData.PackageCount] { kept }
}

/// Failed (or pending) versions counted per code, with the first message and a few examples.
struct FailureTally {
    private var order: [String] = []
    private var table: [String: ReportData.FailureGroup] = [:]

    mutating func add(code: String, message: String, _ entry: JournalReplay.VersionEntry) {
        if table[code] == nil {
            order.append(code)
            table[code] = ReportData.FailureGroup(code: code, count: 0, sampleMessage: message, examples: [])
        }
        table[code]!.count += 1
        if table[code]!.examples.count < ReportData.exampleLimit {
            let key = entry.request.key
            table[code]!.examples.append("\(key.domain)/\(key.repository) \(key.packageName)@\(entry.version)")
        }
    }

    var groups: [ReportData.FailureGroup] {
        order.compactMap { table[$0] }.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }
}

/// Run intervals of all shards merged, so that time in which nothing ran is left out.
struct ActiveTimeline {
    private var intervals: [(start: Int64, end: Int64)] = []
    private var merged: [(start: Int64, end: Int64, before: Int64)]?

    mutating func add(_ start: Timestamp, _ end: Timestamp) {
        intervals.append((start.millisecondsSinceEpoch, max(start, end).millisecondsSinceEpoch))
        merged = nil
        merge()
    }

    private mutating func merge() {
        var result: [(start: Int64, end: Int64, before: Int64)] = []
        var before: Int64 = 0
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, interval.start <= last.end {
                if interval.end > last.end {
                    before += interval.end - last.end
                    result[result.count - 1].end = interval.end
                }
            } else {
                result.append((interval.start, interval.end, before))
                before += interval.end - interval.start
            }
        }
        merged = result
    }

    var totalSeconds: Double {
        guard let last = merged?.last else { return 0 }
        return Double(last.before + last.end - last.start) / 1000
    }

    /// Active seconds from the first run's start to `time`.
    func offset(of time: Timestamp) -> Double {
        let t = time.millisecondsSinceEpoch
        guard let merged, !merged.isEmpty else { return 0 }
        var chosen = merged[0]
        for interval in merged where interval.start <= t { chosen = interval }
        return Double(chosen.before + min(max(t - chosen.start, 0), chosen.end - chosen.start)) / 1000
    }
}
