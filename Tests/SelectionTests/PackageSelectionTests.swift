import Manifest
import Model
import Selection
import Testing

/// Pins one package's decisions: each ecosystem's order for keep-latest, the guards, and the selecting, keeping and scope rules.
@Suite struct PackageSelectionTests {
    static let now = Timestamp(iso8601: "2026-06-01T00:00:00Z")!

    /// One package's versions in inventory (publish) order; `days` is each one's age.
    static func package(_ format: PackageFormat, _ versions: [String], namespace: String? = nil, days: [Double]? = nil,
                        statuses: [PackageVersionStatus]? = nil, defaultVersion: String? = nil) -> [Candidate] {
        versions.enumerated().map { index, version in
            var row = ManifestRow(domain: "acme", repository: "store", format: format,
                                  namespace: namespace ?? (format.namespaceRule == .required ? "ns" : nil),
                                  package: "pkg", version: version, status: statuses?[index] ?? .published, revision: "r\(index)")
            row.isDefaultDisplayVersion = version == defaultVersion
            if let days { row.publishedTime = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch - days[index] * 86_400) }
            return Candidate(row: row, file: "inventory.jsonl", line: index + 1, position: index)
        }
    }

    static func decide(_ rules: RetentionRules, _ versions: [Candidate]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: PackageSelection(rules: rules).decide(versions).map {
            ($0.candidate.row.version, $0.selected ? "selected" : $0.reason)
        })
    }

    static func keep(_ n: Int) -> RetentionRules {
        var rules = RetentionRules(now: now)
        rules.keepLatest = n
        return rules
    }

    /// Per format, a package whose publish order disagrees with its version order (a backport
    /// published after a newer line, a pre-release published last): `--keep-latest 2` keeps the
    /// two highest in the ecosystem's order, never the two published last.
    static let disagreeing: [(PackageFormat, [String], Set<String>)] = [
        (.npm, ["1.0.0", "2.0.0", "2.1.0", "1.0.1", "3.0.0-beta.1"], ["2.1.0", "3.0.0-beta.1"]),
        (.pypi, ["1.0", "2.0", "2.1", "1.0.post1", "3.0rc1"], ["2.1", "3.0rc1"]),
        (.maven, ["1.0", "2.0", "2.1", "1.0.1", "3.0-SNAPSHOT"], ["2.1", "3.0-SNAPSHOT"]),
        (.nuget, ["1.0.0", "2.0.0", "2.1.0", "1.0.1", "3.0.0-rc.1"], ["2.1.0", "3.0.0-rc.1"]),
        (.ruby, ["1.0.0", "2.0.0", "2.1.0", "1.0.1", "3.0.0.pre"], ["2.1.0", "3.0.0.pre"]),
        (.cargo, ["1.0.0", "2.0.0", "2.10.0", "2.9.0", "1.0.1"], ["2.10.0", "2.9.0"]),
        (.swift, ["1.0.0", "2.0.0", "2.1.0", "1.0.1", "2.0.1"], ["2.1.0", "2.0.1"]),
        // generic has no version order: publish order decides.
        (.generic, ["1.0", "2.0", "2.1", "1.0.1", "0.9"], ["1.0.1", "0.9"]),
    ]

    @Test(arguments: disagreeing)
    func keepLatestFollowsEachEcosystemsOrder(format: PackageFormat, versions: [String], kept: Set<String>) {
        let decisions = Self.decide(Self.keep(2), Self.package(format, versions))
        #expect(Set(decisions.filter { $0.value.hasPrefix("keep-latest") }.keys) == kept, "\(format)")
        #expect(decisions.values.filter { $0 == "selected" }.count == versions.count - 2)
    }

    @Test func unparseableVersionsAreKeptAndNotRanked() {
        let decisions = Self.decide(Self.keep(1), Self.package(.npm, ["1.0.0", "not a version", "2.0.0"]))
        #expect(decisions == ["1.0.0": "selected", "not a version": "unparseable-version", "2.0.0": "keep-latest:1"])
        var published = Self.keep(1)
        published.order = .published
        #expect(Self.decide(published, Self.package(.npm, ["1.0.0", "not a version", "2.0.0"]))["not a version"] == "selected")
    }

    @Test func deletedAndDisposedVersionsCountTowardNothing() {
        let versions = Self.package(.npm, ["1.0.0", "2.0.0", "3.0.0", "4.0.0"], statuses: [.published, .published, .disposed, .deleted])
        let decisions = Self.decide(Self.keep(1), versions)
        #expect(decisions["2.0.0"] == "keep-latest:1", "the highest live version, not 4.0.0 (deleted) or 3.0.0 (disposed)")
        #expect(decisions["4.0.0"] == "status:Deleted")
        #expect(decisions["3.0.0"] == "selected" && decisions["1.0.0"] == "selected")
    }

    @Test func guardsKeepTheDefaultDisplayVersionAndTheLastLiveVersion() {
        let all = RetentionRules(now: Self.now)
        let guarded = Self.decide(all, Self.package(.npm, ["1.0.0", "2.0.0", "3.0.0"], defaultVersion: "2.0.0"))
        #expect(guarded == ["1.0.0": "selected", "2.0.0": "guard:default-display-version", "3.0.0": "selected"])
        let last = Self.decide(all, Self.package(.npm, ["1.0.0", "1.2.0", "1.10.0"]))
        #expect(last == ["1.0.0": "selected", "1.2.0": "selected", "1.10.0": "guard:last-live-version"])
        var lifted = all
        lifted.allowDefaultVersion = true
        lifted.allowEmptyPackages = true
        #expect(Self.decide(lifted, Self.package(.npm, ["1.0.0", "2.0.0"], defaultVersion: "2.0.0")).values.allSatisfy { $0 == "selected" })
    }

    @Test func selectingRulesMustAllPickAVersion() throws {
        var rules = RetentionRules(now: Self.now)
        rules.olderThan = try retentionDuration("90d", option: "--older-than")
        rules.prereleaseOnly = true
        rules.allowEmptyPackages = true
        let versions = Self.package(.npm, ["1.0.0-beta", "1.0.0", "2.0.0-rc.1", "2.0.0"], days: [400, 300, 30, 20])
        let decisions = Self.decide(rules, versions)
        #expect(decisions == ["1.0.0-beta": "selected", "1.0.0": "not-prerelease",
                              "2.0.0-rc.1": "not-older-than:90d", "2.0.0": "not-older-than:90d"])
        // A selection names the rules that picked it.
        #expect(PackageSelection(rules: rules).decide(versions)[0].reason == "older-than:90d,prerelease-only")
    }

    @Test func keepingRulesProtectWhateverSelects() throws {
        var rules = RetentionRules(now: Self.now)
        rules.keepNewerThan = try retentionDuration("2w", option: "--keep-newer-than")
        rules.exclude = try Pattern("1\\..*", option: "--exclude")
        rules.keepLatestPerMajor = 1
        let versions = Self.package(.npm, ["1.0.0", "1.1.0", "2.0.0", "2.1.0", "3.0.0", "3.0.1"], days: [90, 80, 70, 60, 5, 1])
        let decisions = Self.decide(rules, versions)
        #expect(decisions == ["1.0.0": "exclude:1\\..*", "1.1.0": "exclude:1\\..*", "2.0.0": "selected",
                              "2.1.0": "keep-latest-per-major:1", "3.0.0": "keep-newer-than:2w", "3.0.1": "keep-latest-per-major:1"])
    }

    @Test func scopeKeepsEverythingOutsideIt() throws {
        var rules = RetentionRules(now: Self.now)
        rules.repositories = ["other"]
        #expect(Set(Self.decide(rules, Self.package(.npm, ["1.0.0", "2.0.0"])).values) == ["scope:repository"])
        rules = RetentionRules(now: Self.now)
        rules.statuses = [.archived]
        rules.allowEmptyPackages = true
        let decisions = Self.decide(rules, Self.package(.npm, ["1.0.0", "2.0.0"], statuses: [.archived, .published]))
        #expect(decisions == ["1.0.0": "selected", "2.0.0": "scope:status:Published"])
        rules = RetentionRules(now: Self.now)
        rules.packagePattern = try Pattern("p.g", option: "--package")
        rules.formats = [.pypi]
        #expect(Set(Self.decide(rules, Self.package(.npm, ["1.0.0"])).values) == ["scope:format"])
    }
}
