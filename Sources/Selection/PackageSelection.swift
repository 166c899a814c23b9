import Manifest
import Model
import Versioning

/// One inventory version as the rules see it.
public struct Candidate: Sendable {
    public var row: ManifestRow
    /// Where the row was read, for messages and to keep the inventory's order.
    public var file: String
    public var line: Int
    /// Its place among the package's rows in the inventory: publish order when `export` wrote it.
    public var position: Int

    public init(row: ManifestRow, file: String, line: Int, position: Int) {
        self.row = row
        self.file = file
        self.line = line
        self.position = position
    }

    /// Deleted and disposed versions are not live: they count toward nothing.
    var isLive: Bool { row.status != .deleted && row.status != .disposed }
}

/// What the rules decided for one version, and the rule that decided.
public struct Decision: Sendable {
    public var candidate: Candidate
    public var selected: Bool
    /// `keep-latest:3`, `guard:default-display-version`, `older-than:90d`, …
    public var reason: String
}

/// The rules applied to the versions of one package: a pure function of its rows and the rules.
public struct PackageSelection: Sendable {
    public var rules: RetentionRules

    public init(rules: RetentionRules) { self.rules = rules }

    /// Decides every version of one package (all its inventory rows, in inventory order);
    /// the decisions come back in the same order.
    public func decide(_ versions: [Candidate]) -> [Decision] {
        guard let first = versions.first else { return [] }
        let key = first.row.key
        if let reason = outOfScope(key) {
            return versions.map { Decision(candidate: $0, selected: false, reason: reason) }
        }
        let order = rules.order(for: key.format)
        let parsed = versions.map { order == .version ? Versioning.parse($0.row.version, format: key.format) : nil }
        // Live versions ranked highest first; under version order, only those the ecosystem parses.
        let ranked = versions.indices.filter { versions[$0].isLive && (order == .published || parsed[$0] != nil) }
            .sorted { a, b in precedes(versions[a], parsed[a], versions[b], parsed[b], order: order) }
        var keptBy: [Int: String] = [:]
        if let n = rules.keepLatest {
            for index in ranked.prefix(n) { keptBy[index] = keptBy[index] ?? "keep-latest:\(n)" }
        }
        if let n = rules.keepLatestPerMajor {
            var perMajor: [String: Int] = [:]
            for index in ranked {
                let major = parsed[index]?.majorKey ?? ""
                perMajor[major, default: 0] += 1
                if perMajor[major]! <= n { keptBy[index] = keptBy[index] ?? "keep-latest-per-major:\(n)" }
            }
        }

        var decisions = versions.indices.map { index -> Decision in
            let candidate = versions[index]
            let reason = keepReason(candidate, parsed: parsed[index], order: order, keptBy: keptBy[index])
            return Decision(candidate: candidate, selected: reason == nil, reason: reason ?? selectReason())
        }
        // Guards, last: they only ever turn a selection into a keep.
        if !rules.allowDefaultVersion {
            for index in decisions.indices where decisions[index].selected && versions[index].row.isDefaultDisplayVersion == true {
                decisions[index].selected = false
                decisions[index].reason = "guard:default-display-version"
            }
        }
        if !rules.allowEmptyPackages {
            let liveLeft = versions.indices.contains { versions[$0].isLive && !decisions[$0].selected }
            if !liveLeft, let highest = ranked.first ?? versions.indices.first(where: { versions[$0].isLive }) {
                decisions[highest].selected = false
                decisions[highest].reason = "guard:last-live-version"
            }
        }
        return decisions
    }

    /// Why a package is not a candidate at all, or `nil`.
    private func outOfScope(_ key: PackageKey) -> String? {
        if !rules.repositories.isEmpty && !rules.repositories.contains(key.repository) { return "scope:repository" }
        if !rules.formats.isEmpty && !rules.formats.contains(key.format) { return "scope:format" }
        if let namespace = rules.namespace, key.namespace != namespace { return "scope:namespace" }
        if let pattern = rules.packagePattern, !pattern.matches(key.package) { return "scope:package" }
        return nil
    }

    /// Why `candidate` is kept, or `nil` when every rule lets it be selected.
    private func keepReason(_ candidate: Candidate, parsed: Version?, order: RetentionRules.Order, keptBy: String?) -> String? {
        let row = candidate.row
        if row.status == .deleted { return "status:Deleted" }
        if !rules.statuses.isEmpty, !rules.statuses.contains(row.status ?? .published) {
            return "scope:status:\(row.status?.rawValue ?? "unknown")"
        }
        if let origin = rules.origin, row.origin != origin { return "scope:origin" }
        if order == .version && parsed == nil { return "unparseable-version" }
        if let exclude = rules.exclude, exclude.matches(row.version) { return "exclude:\(exclude)" }
        if let keptBy { return keptBy }
        let age = row.publishedTime.map { $0.seconds(to: rules.now) }
        if let limit = rules.keepNewerThan, let age, age < limit { return "keep-newer-than:\(Self.duration(limit))" }
        if let limit = rules.olderThan, let age, age < limit { return "not-older-than:\(Self.duration(limit))" }
        if rules.prereleaseOnly, !(parsed?.isPrerelease ?? false) { return "not-prerelease" }
        if let match = rules.match, !match.matches(row.version) { return "no-match:\(match)" }
        return nil
    }

    /// The rules that selected a version: every selecting rule given, or that none was.
    private func selectReason() -> String {
        var rules: [String] = []
        if let limit = self.rules.olderThan { rules.append("older-than:\(Self.duration(limit))") }
        if self.rules.prereleaseOnly { rules.append("prerelease-only") }
        if let match = self.rules.match { rules.append("match:\(match)") }
        return rules.isEmpty ? "selected" : rules.joined(separator: ",")
    }

    /// Highest first. Versions equal in their ecosystem's order (maven `1.0` and `1`) and
    /// versions published at the same moment fall back to the inventory's order, then the
    /// bytes of the version: the ranking never depends on anything but the rows.
    private func precedes(_ a: Candidate, _ va: Version?, _ b: Candidate, _ vb: Version?, order: RetentionRules.Order) -> Bool {
        if order == .version, let va, let vb {
            let c = va.compare(vb)
            if c != 0 { return c > 0 }
        }
        if let ta = a.row.publishedTime, let tb = b.row.publishedTime, ta != tb { return ta > tb }
        if a.position != b.position { return a.position > b.position }
        return b.row.version.utf8.lexicographicallyPrecedes(a.row.version.utf8)
    }

    /// `90d`, `12h`, `90s`: as compact as the duration allows.
    static func duration(_ seconds: Double) -> String {
        for (unit, size) in [("w", 604_800.0), ("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where seconds >= size {
            if seconds.truncatingRemainder(dividingBy: size) == 0 { return "\(Int(seconds / size))\(unit)" }
        }
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}
