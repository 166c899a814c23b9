/// Why a report could not be made or written.
public enum ReportError: Error, Sendable, CustomStringConvertible, Equatable {
    case cannotWrite(file: String, reason: String)
    /// `--format` names no renderer.
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .cannotWrite(let file, let reason): "\(file): cannot write the report: \(reason)"
        case .unknownFormat(let name): "unknown report format \"\(name)\"; use markdown, json, csv or html"
        }
    }

    /// Stable, payload-free name for summaries and exit status.
    public var code: String {
        switch self {
        case .cannotWrite: "report-write"
        case .unknownFormat: "report-format"
        }
    }
}
