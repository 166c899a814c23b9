/// Why a run ended: the exit status and the journal's run-end record follow from it.
public enum StopReason: Sendable, Equatable {
    /// Every version reached a final state, or ran out of attempts and stays pending.
    case completed
    /// Ctrl-C: in-flight requests finished, nothing new was sent.
    case interrupted
    /// Permanent failures passed `--max-failure-rate`.
    case failureThreshold(failed: Int, answered: Int)
    /// The service refused with an error every other request would meet too (credentials,
    /// signature): `code` is the service's or the transport's.
    case refused(code: String, message: String)
    /// Every request tried was refused for its repository or package, and none succeeded.
    case deniedEverywhere(message: String)
    /// The endpoint stopped answering at all.
    case endpointUnreachable(message: String)
    /// An answer could not be journaled: nothing more may be sent that could not be recorded.
    case journalFailed(message: String)
    /// The plan could not be read on while the run streamed it.
    case planUnreadable(message: String)

    /// Stable name for journals and summaries (`stopReason` in `--output json`).
    public var code: String {
        switch self {
        case .completed: "completed"
        case .interrupted: "interrupted"
        case .failureThreshold: "failure-threshold"
        case .refused, .deniedEverywhere, .endpointUnreachable, .journalFailed, .planUnreadable: "fatal-error"
        }
    }

    /// For the stops that are errors: what stopped the run and what was said, for messages.
    public var error: (cause: String, message: String)? {
        switch self {
        case .completed, .interrupted, .failureThreshold: nil
        case .refused(let code, let message): (code, message)
        case .deniedEverywhere(let message): ("AccessDeniedException", message)
        case .endpointUnreachable(let message): ("endpoint-unreachable", message)
        case .journalFailed(let message): ("journal", message)
        case .planUnreadable(let message): ("plan", message)
        }
    }

    /// Whether these credentials or this endpoint could not have done any of the work (exit
    /// status 4 when nothing was done yet), rather than a run that stopped part way (3).
    public var refusesEveryRequest: Bool {
        switch self {
        case .refused, .endpointUnreachable: true
        case .completed, .interrupted, .failureThreshold, .deniedEverywhere, .journalFailed, .planUnreadable: false
        }
    }
}
