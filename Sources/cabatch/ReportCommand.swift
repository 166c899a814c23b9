import Journal
import ArgumentParser
import Report

/// `cabatch report`: a deletion report from plans and their journals.
struct ReportCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a deletion report from one or more plans and their journals (several shards together).",
        discussion: """
            Totals by state, breakdowns by domain, repository and format, failures by code with \
            examples, request statistics and throughput. Markdown to standard output by default; \
            json (versioned schema, docs/report-schema.md), csv (one row per version, streamed) \
            or html (one self-contained file with charts).
            """
    )

    @Argument(help: "Plans (or their .journal files) to report on.")
    var sources: [String]

    @Option(help: "markdown, json, csv or html.")
    var format: String = "markdown"

    @Option(name: .shortAndLong, help: "Write the report here instead of standard output.")
    var output: String?

    @Flag(help: "With --format csv: only the versions that failed.")
    var failedOnly = false

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func validate() throws {
        do { _ = try ReportFormat(parsing: format) } catch { throw ValidationError("\(error).") }
        if failedOnly && format.lowercased() != "csv" { throw ValidationError("--failed-only goes with --format csv.") }
    }

    func run() throws {
        do {
            let loaded = try sources.map { try PlanJournal.load($0) }
            try ReportWriting.write(loaded, format: try ReportFormat(parsing: format), to: output, failedOnly: failedOnly)
        } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
    }
}

/// Renders a report in any format to a file or standard output; shared by `report` and `--report`.
enum ReportWriting {
    static func write(_ sources: [PlanJournal], data: ReportData? = nil, format: ReportFormat, to path: String?,
                      failedOnly: Bool = false) throws {
        try format.write(sources, data: data, failedOnly: failedOnly, to: try ReportOutput(path: path))
    }

    /// The format a file name asks for: `.json`, `.csv`, `.html`/`.htm`, else Markdown.
    static func format(forPath path: String) -> ReportFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        return .markdown
    }
}
