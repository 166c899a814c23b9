import Journal

extension ReportFormat {
    /// Writes the report of `sources` in this format and finishes the output: what `cabatch report`,
    /// `apply --report` and `run --report` call. `failedOnly` applies to the CSV; `data`, when the
    /// caller has aggregated `sources` already, saves the other formats a second replay.
    public func write(_ sources: [PlanJournal], data: ReportData? = nil, failedOnly: Bool = false, to output: ReportOutput) throws {
        switch self {
        case .csv:
            try CSVReport.write(sources, failedOnly: failedOnly, to: output)
        case .markdown:
            try output.write(MarkdownReport.render(try data ?? ReportData(sources: sources)))
        case .json:
            try output.write(JSONReport.render(try data ?? ReportData(sources: sources)))
        case .html:
            try output.write(HTMLReport.render(try data ?? ReportData(sources: sources)))
        }
        try output.finish()
    }
}
