/// Why a plan could not be made, read or used.
public enum PlanError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidShard(String)
    /// The file is not a plan at all, or of a format version this cabatch cannot read.
    case notAPlan(file: String, reason: String)
    /// A line of the plan does not decode.
    case damaged(file: String, line: Int, reason: String)
    /// Fewer requests than the header promises.
    case truncated(file: String, expected: Int, found: Int)
    case rejectsPresent(count: Int)

    public var description: String {
        switch self {
        case .invalidShard(let text):
            "shard \"\(text)\" is not I/N with 0 ≤ I < N (for example 0/4 … 3/4)"
        case .notAPlan(let file, let reason):
            "\(file) is not a cabatch plan: \(reason)"
        case .damaged(let file, let line, let reason):
            "\(file):\(line): damaged plan line: \(reason); make the plan again with cabatch plan"
        case .truncated(let file, let expected, let found):
            "\(file) is truncated: the header promises \(expected) requests, the file holds \(found); make the plan again"
        case .rejectsPresent(let count):
            "\(count) manifest line\(count == 1 ? "" : "s") rejected; no plan written (fix them, or plan the valid rows with --skip-invalid)"
        }
    }

    /// Stable, payload-free name for summaries.
    public var code: String {
        switch self {
        case .invalidShard: "invalid-shard"
        case .notAPlan: "not-a-plan"
        case .damaged: "damaged-plan"
        case .truncated: "truncated-plan"
        case .rejectsPresent: "rejects"
        }
    }
}
