import Manifest
import JSONLines
import Model

/// The first line of a plan file: what the plan was made from and what it holds.
public struct PlanHeader: Sendable, Equatable {
    public static let formatName = "cabatch-plan"
    /// 2: the header seals the request lines (`requestsSHA256`); 3: it names the operation
    /// (delete, archive, unlist, restore, dispose) and requests may carry preconditions.
    public static let formatVersion = 3
    /// Plans of format 2 are delete plans without preconditions, and still apply.
    public static let readableVersions: ClosedRange<Int> = 2...3

    public var operation: BatchOperation = .delete
    /// How the rows' statuses and revisions became the requests' preconditions.
    public var preconditions: PackageGroups.Preconditions = .fromRows
    public var manifests: [ManifestStats]
    /// `--domain-owner`, applied to rows without one.
    public var defaultDomainOwner: String?
    public var skipInvalid: Bool
    public var shard: Shard?
    public var totals: PlanTotals
    /// The seal: SHA-256 (hex) of the exact bytes after the header line, every request line
    /// with its newline, in order. `nil` until `PlanFile.write` has encoded the requests.
    public var requestsSHA256: String?

    public init(manifests: [ManifestStats], defaultDomainOwner: String?, skipInvalid: Bool,
                shard: Shard?, totals: PlanTotals) {
        self.manifests = manifests
        self.defaultDomainOwner = defaultDomainOwner
        self.skipInvalid = skipInvalid
        self.shard = shard
        self.totals = totals
    }
}

extension PlanHeader {
    /// The header line's JSON; members in a fixed order so that plans compare byte for byte.
    public func encoded() -> JSONWriter {
        var w = JSONWriter()
        w.beginObject()
        w.member("format", Self.formatName)
        w.member("formatVersion", Self.formatVersion)
        w.member("operation", operation.rawValue)
        w.member("apiOperation", operation.apiName)
        w.member("targetStatus", operation.targetStatus.rawValue)
        w.member("requestsSHA256", requestsSHA256)
        w.key("manifests")
        w.beginArray()
        for m in manifests {
            w.beginObject()
            w.member("name", m.name)
            w.member("sha256", m.sha256)
            w.member("bytes", m.bytes)
            w.member("compressed", m.compressed)
            w.member("lines", m.lines)
            w.member("rows", m.rows)
            w.member("blankLines", m.blankLines)
            w.key("rejects")
            w.beginObject()
            for (kind, count) in m.rejects.sorted(by: { $0.key < $1.key }) { w.member(kind.rawValue, count) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("options")
        w.beginObject()
        w.member("domainOwner", defaultDomainOwner)
        w.member("skipInvalid", skipInvalid)
        w.member("shard", shard?.description)
        switch preconditions {
        case .fromRows: break
        case .expectedStatus(let status): w.member("expectedStatus", status.rawValue)
        case .ignored: w.member("ignoreInventoryStatus", true)
        }
        w.endObject()
        w.key("totals")
        w.beginObject()
        w.member("rows", totals.rows)
        w.member("rowsOutsideShard", totals.rowsOutsideShard)
        w.member("duplicates", totals.duplicates)
        w.member("rejects", totals.rejects)
        w.member("blankLines", totals.blankLines)
        w.member("packages", totals.packages)
        w.member("requests", totals.requests)
        w.member("versions", totals.versions)
        w.endObject()
        w.key("repositories")
        w.beginArray()
        for r in totals.repositories {
            w.beginObject()
            w.member("domain", r.domain)
            w.member("domainOwner", r.domainOwner)
            w.member("repository", r.repository)
            w.member("format", r.format.rawValue)
            w.member("packages", r.packages)
            w.member("versions", r.versions)
            w.member("requests", r.requests)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w
    }

    /// Reads a header line; `file` names the plan in errors.
    public init(decoding value: JSONValue, file: String) throws {
        guard let o = value.objectValue, o["format"]?.stringValue == Self.formatName else {
            throw PlanError.notAPlan(file: file, reason: "its first line is not a cabatch plan header")
        }
        let version = o["formatVersion"]?.intValue
        if let version, version >= 1, version < Self.readableVersions.lowerBound {
            throw PlanError.oldFormat(file: file, version: version)
        }
        guard let version, Self.readableVersions.contains(version) else {
            throw PlanError.notAPlan(
                file: file,
                reason: "format version \(version.map(String.init) ?? "?") is not \(Self.formatVersion), the one this cabatch reads")
        }
        func int(_ obj: JSONObject?, _ name: String) throws -> Int {
            guard let v = obj?[name]?.intValue else {
                throw PlanError.damaged(file: file, line: 1, reason: "header member \(name) is missing")
            }
            return v
        }
        func string(_ obj: JSONObject?, _ name: String) throws -> String {
            guard let v = obj?[name]?.stringValue else {
                throw PlanError.damaged(file: file, line: 1, reason: "header member \(name) is missing")
            }
            return v
        }
        func format(_ obj: JSONObject?) throws -> PackageFormat {
            guard let v = PackageFormat(rawValue: try string(obj, "format")) else {
                throw PlanError.damaged(file: file, line: 1, reason: "unknown format in header")
            }
            return v
        }
        let options = o["options"]?.objectValue
        let t = o["totals"]?.objectValue
        var totals = PlanTotals()
        totals.rows = try int(t, "rows")
        totals.rowsOutsideShard = try int(t, "rowsOutsideShard")
        totals.duplicates = try int(t, "duplicates")
        totals.rejects = try int(t, "rejects")
        totals.blankLines = try int(t, "blankLines")
        totals.packages = try int(t, "packages")
        totals.requests = try int(t, "requests")
        totals.versions = try int(t, "versions")
        totals.repositories = try (o["repositories"]?.arrayValue ?? []).map { item in
            let r = item.objectValue
            var repo = PlanTotals.Repository(domain: try string(r, "domain"), domainOwner: r?["domainOwner"]?.stringValue,
                                             repository: try string(r, "repository"), format: try format(r))
            repo.packages = try int(r, "packages")
            repo.versions = try int(r, "versions")
            repo.requests = try int(r, "requests")
            return repo
        }
        let manifests = try (o["manifests"]?.arrayValue ?? []).map { item in
            let m = item.objectValue
            var stats = ManifestStats(name: try string(m, "name"))
            stats.sha256 = try string(m, "sha256")
            stats.bytes = try int(m, "bytes")
            stats.compressed = m?["compressed"]?.boolValue ?? false
            stats.lines = try int(m, "lines")
            stats.rows = try int(m, "rows")
            stats.blankLines = try int(m, "blankLines")
            for (name, count) in m?["rejects"]?.objectValue?.members ?? [] {
                guard let kind = RejectKind(rawValue: name), let count = count.intValue else {
                    throw PlanError.damaged(file: file, line: 1, reason: "unknown reject kind \(name) in header")
                }
                stats.rejects[kind] = count
            }
            return stats
        }
        self.init(manifests: manifests, defaultDomainOwner: options?["domainOwner"]?.stringValue,
                  skipInvalid: options?["skipInvalid"]?.boolValue ?? false,
                  shard: try options?["shard"]?.stringValue.map { try Shard(parsing: $0) }, totals: totals)
        let operationName = try string(o, "operation")
        guard let operation = BatchOperation(planName: operationName) else {
            throw PlanError.damaged(file: file, line: 1, reason: "unknown operation \(operationName) in header")
        }
        self.operation = operation
        if let text = options?["expectedStatus"]?.stringValue {
            guard let status = PackageVersionStatus(rawValue: text) else {
                throw PlanError.damaged(file: file, line: 1, reason: "unknown expectedStatus \(text) in header")
            }
            preconditions = .expectedStatus(status)
        } else if options?["ignoreInventoryStatus"]?.boolValue == true {
            preconditions = .ignored
        }
        let seal = try string(o, "requestsSHA256")
        guard seal.utf8.count == 64, seal.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw PlanError.damaged(file: file, line: 1, reason: "header member requestsSHA256 is not a SHA-256 in hex")
        }
        self.requestsSHA256 = seal
    }
}
