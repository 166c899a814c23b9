import CodeArtifact
import Emulator
import Export
import Foundation
import JSONLines
import Manifest
import Model
import TestSupport

/// A domain whose repositories, packages and versions are known exactly, served by an emulator,
/// and the inventory an export of it must write.
struct ExportFixture {
    static let environment = RunningEmulator.clientEnvironment
    static let owner = "111122223333"
    static let statuses: [PackageVersionStatus] = [.published, .published, .published, .unlisted, .archived]

    /// Every row the emulator holds, in the order they were added (not publish order).
    var rows: [ManifestRow] = []

    /// `packages` packages in each of three repositories of `acme` (npm with and without scopes,
    /// pypi, maven), `versions` versions each, added in an order that is not their publish
    /// order; plus a repository of another domain that no export of `acme` may show.
    init(packages: Int, versions: Int, seed: UInt64 = 7) {
        var rng = SplitMix64(seed: seed)
        let base: Int64 = 1_700_000_000_000
        func add(_ repository: String, _ format: PackageFormat, _ namespace: String?, _ package: String, domain: String = "acme") {
            // Publish times in a shuffled order: the listing, not the rows, decides the order.
            var times = (0..<versions).map { base + Int64($0) * 60_000 + Int64(rng.next() % 1000) }
            for i in stride(from: times.count - 1, to: 0, by: -1) { times.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            let defaultIndex = Int(rng.next() % UInt64(versions))
            for (i, time) in times.enumerated() {
                let version = format == .maven ? "1.\(i).0" : "\(i / 10).\(i % 10).\(rng.next() % 3)"
                rows.append(ManifestRow(domain: domain, domainOwner: Self.owner, repository: repository, format: format,
                                        namespace: namespace, package: package, version: version,
                                        status: Self.statuses[Int(rng.next() % UInt64(Self.statuses.count))],
                                        revision: "REV\(rng.next() % 1_000_000)",
                                        origin: rng.next() % 4 == 0 ? .external : .internal,
                                        publishedTime: Timestamp(millisecondsSinceEpoch: time),
                                        isDefaultDisplayVersion: i == defaultIndex))
            }
        }
        for p in 0..<packages {
            add("npm-store", .npm, p % 3 == 0 ? "types" : nil, "pkg-\(p)")
            add("py-store", .pypi, nil, "py\(p)")
            add("maven-store", .maven, "com.example.g\(p % 4)", "artifact\(p)")
        }
        add("elsewhere", .npm, nil, "hidden", domain: "other")
    }

    /// The rows an export of `acme` must write, in its order, as JSON objects with the members
    /// the export writes (publishedTime only when asked for).
    func expectedLines(publishedTime: Bool, statuses: Set<PackageVersionStatus> = [],
                       repositories: Set<String> = []) -> [[String: String]] {
        let acme = rows.filter { $0.domain == "acme" && (repositories.isEmpty || repositories.contains($0.repository)) }
        let packages = Dictionary(grouping: acme) { $0.key }
        let keys = packages.keys.sorted { a, b in
            (a.repository, a.format.rawValue, a.namespace ?? "", a.package) < (b.repository, b.format.rawValue, b.namespace ?? "", b.package)
        }
        var lines: [[String: String]] = []
        for key in keys {
            let ordered = packages[key]!.sorted { $0.publishedTime! < $1.publishedTime! }
            for (index, row) in ordered.enumerated() where statuses.isEmpty || statuses.contains(row.status!) {
                var line = [
                    "domain": row.domain, "domainOwner": Self.owner, "repository": row.repository, "format": row.format.rawValue,
                    "package": row.package, "version": row.version, "status": row.status!.rawValue, "revision": row.revision!,
                    "origin": row.origin!.rawValue, "defaultDisplayVersion": String(row.isDefaultDisplayVersion!),
                    "publishRank": String(index + 1),
                ]
                if let namespace = row.namespace { line["namespace"] = namespace }
                if publishedTime { line["publishedTime"] = row.publishedTime!.iso8601 }
                lines.append(line)
            }
        }
        return lines
    }

    /// The inventory's lines, each member as text (numbers and booleans spelled as in JSON).
    static func readLines(_ path: String) throws -> [[String: String]] {
        var lines: [[String: String]] = []
        try JSONLinesReader.forEachLine(of: InputFile(path)) { _, bytes in
            guard let bytes, let object = try JSONValue.parse(bytes).objectValue else { throw ExportTestError.notAnObject }
            var line: [String: String] = [:]
            for (name, value) in object.members {
                switch value {
                case .string(let s): line[name] = s
                case .bool(let b): line[name] = String(b)
                default: line[name] = value.intValue.map(String.init) ?? "\(value)"
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Runs an export against `emulator` in this process.
    static func export(_ emulator: RunningEmulator, scope: ExportScope, to path: String, concurrency: Int = 8,
                       stop: ExportStop = ExportStop()) async throws -> ExportSummary {
        let configuration = try ClientConfiguration.resolve(environment: environment, endpointURL: emulator.url.absoluteString)
        let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch-tests", concurrency: concurrency)
        let pacer = ReadPacer(rate: 5_000, policy: RetryPolicy(maxAttempts: 8, baseDelay: 0.01, maxDelay: 0.2))
        let job = ExportJob(scope: scope, outputPath: path, concurrency: concurrency, client: client, pacer: pacer)
        do {
            let summary = try await job.run(stop: stop)
            try await client.shutdown()
            return summary
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

enum ExportTestError: Error { case notAnObject }
