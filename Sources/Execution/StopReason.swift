/// Why a run ended: the exit status and the journal's run-end record follow from it.
public enum StopReason: Sendable, Equatable {
    /// Every version reached a final state, or ran out of attempts and stays pending.
    case completed
    /// Ctrl-C: in-flight requests finished, nothing new was sent.
    case interrupted
    /// Permanent failures passed `--max-failure-rate`.
    case failureThreshold(failed: Int, answered: Int)
    /// An error every other request would meet too (credentials, access).
    case fatal(code: String, message: String)

    /// Stable name for journals and reports.
    public var code: String {
        switch self {
        case .completed: "completed"
        case .interrupted: "interrupted"
        case .failureThreshold: "failure-threshold"
        case .fatal: "fatal-error"
        }
    }
}
