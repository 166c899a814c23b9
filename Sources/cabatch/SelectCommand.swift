import ArgumentParser
import Foundation
import JSONLines
import Model
import Selection

/// `cabatch select`: retention rules over inventories → a manifest of what to remove.
struct SelectCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Choose versions to remove from inventories by retention rules; writes a manifest.",
        discussion: """
            A version is selected when it is in scope, every selecting rule given picks it, and \
            no keeping rule or guard protects it. Versions are ranked in their ecosystem's own \
            order (npm, pypi, maven, nuget, ruby, cargo, swift) or by publish time (generic, or \
            --order published); a version its ecosystem cannot parse is kept, never guessed at. \
            The manifest's rows keep the inventory's status and revision. --decisions writes every \
            version with the rule that decided it.
            """
    )

    @Argument(help: "Inventories to read (from cabatch export, or any rows with status).")
    var inventories: [String]

    @Option(name: [.customShort("o"), .customLong("output-manifest")], help: "Where to write the manifest of selected versions.")
    var manifest: String

    @Option(help: "Also write every version's decision and the rule that made it here (JSON Lines).")
    var decisions: String?

    @Option(help: "Only packages in this repository (repeat for more).")
    var repository: [String] = []

    @Option(help: "Only packages of this format (repeat for more).")
    var format: [PackageFormat] = []

    @Option(help: "Only packages in this namespace.")
    var namespace: String?

    @Option(help: "Only packages whose name matches this regular expression (whole name).")
    var package: String?

    @Option(help: "Only versions with this status (repeat for more; default: every status but Deleted).")
    var status: [PackageVersionStatus] = []

    @Option(help: "Only versions of this origin: INTERNAL or EXTERNAL.")
    var origin: PackageVersionOriginType?

    @Option(help: "Select only versions published longer ago than this (90d, 12h, 2w); needs publishedTime.")
    var olderThan: String?

    @Flag(help: "Select only pre-release versions (as the ecosystem defines them).")
    var prereleaseOnly = false

    @Option(help: "Select only versions matching this regular expression (whole version).")
    var match: String?

    @Option(help: "Keep each package's N highest live versions, counted over all its versions that are not Deleted or Disposed, in or out of scope.")
    var keepLatest: Int?

    @Option(help: "Keep the N highest live versions of each major version.")
    var keepLatestPerMajor: Int?

    @Option(help: "Keep versions published more recently than this (90d, 12h, 2w); needs publishedTime.")
    var keepNewerThan: String?

    @Option(help: "Keep versions matching this regular expression (whole version).")
    var exclude: String?

    @Option(help: "Rank versions by version or published (default: version, and published for generic).")
    var order: String?

    @Flag(help: "Let the package's default display version be selected.")
    var allowDefaultVersion = false

    @Flag(help: "Let a selection take every live version of a package.")
    var allowEmptyPackages = false

    @Option(help: "Summary format: text or json.")
    var output: OutputFormat = .text

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func validate() throws {
        if let n = keepLatest, n < 0 { throw ValidationError("--keep-latest must be 0 or more.") }
        if let n = keepLatestPerMajor, n < 0 { throw ValidationError("--keep-latest-per-major must be 0 or more.") }
        _ = try rules()
    }

    /// The rules as given, checked.
    func rules(now: Timestamp = Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970)) throws -> RetentionRules {
        var rules = RetentionRules(now: now)
        do {
            rules.repositories = Set(repository)
            rules.formats = Set(format)
            rules.namespace = namespace
            rules.packagePattern = try package.map { try Pattern($0, option: "--package") }
            rules.statuses = Set(status)
            rules.origin = origin
            rules.olderThan = try olderThan.map { try retentionDuration($0, option: "--older-than") }
            rules.prereleaseOnly = prereleaseOnly
            rules.match = try match.map { try Pattern($0, option: "--match") }
            rules.keepLatest = keepLatest
            rules.keepLatestPerMajor = keepLatestPerMajor
            rules.keepNewerThan = try keepNewerThan.map { try retentionDuration($0, option: "--keep-newer-than") }
            rules.exclude = try exclude.map { try Pattern($0, option: "--exclude") }
            if let order {
                guard let o = RetentionRules.Order(rawValue: order) else { throw ValidationError("--order \(order) is not version or published.") }
                rules.order = o
            }
            rules.allowDefaultVersion = allowDefaultVersion
            rules.allowEmptyPackages = allowEmptyPackages
        } catch let error as SelectionError {
            throw ValidationError("\(error).")
        }
        return rules
    }

    func run() throws {
        let job = SelectionJob(inputs: inventories.map(InputFile.init), manifestPath: manifest, decisionsPath: decisions,
                               rules: try rules())
        let summary: SelectionJob.Summary
        do { summary = try job.run() } catch let error as SelectionJob.Failure {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        } catch let error as FileError {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        switch output {
        case .text:
            var table = TextTable(header: ["repository", "seen", "selected", "kept", "kept by"], numeric: [1, 2, 3])
            for r in summary.repositories {
                let kept = r.keptBy.values.reduce(0, +)
                let reasons = r.keptBy.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value.grouped)" }
                table.rows.append([r.name, r.seen.grouped, r.selected.grouped, kept.grouped, reasons.joined(separator: ", ")])
            }
            Terminal.summary(table.render())
            Terminal.summary("Selected \(summary.selected.grouped) of \(summary.seen.grouped) versions in \(summary.packages.grouped) packages → \(manifest)"
                         + (decisions.map { "; decisions → \($0)" } ?? ""))
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.member("manifest", manifest)
            w.member("decisions", decisions)
            w.member("packages", summary.packages)
            w.member("seen", summary.seen)
            w.member("selected", summary.selected)
            w.key("repositories")
            w.beginArray()
            for r in summary.repositories {
                w.beginObject()
                w.member("repository", r.name)
                w.member("seen", r.seen)
                w.member("selected", r.selected)
                w.key("keptBy")
                w.beginObject()
                for (reason, count) in r.keptBy.sorted(by: { $0.key < $1.key }) { w.member(reason, count) }
                w.endObject()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self))
        }
    }
}
