/// The report formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown
    case json
    case csv
    case html

    /// Parses a `--format` value.
    public init(parsing text: String) throws(ReportError) {
        guard let format = ReportFormat(rawValue: text.lowercased()) else { throw ReportError.unknownFormat(text) }
        self = format
    }
}
