import Model

/// Where one planned version stands after replaying a journal.
///
/// States only move up the order `pending < failed < absent < done`:
/// - `pending` → `failed` | `absent` | `done` on a final answer (retryable answers keep it `pending`);
/// - `failed` → `absent` | `done` when a later attempt finds it gone or carries it out
///   (a later `failed` replaces the code and message);
/// - `absent` → `done` when any attempt reported it done (a lost answer's retry meets
///   `NOT_FOUND`, but an answer that did arrive said done);
/// - `done` is final: it is never downgraded.
public enum VersionState: UInt8, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Never answered, or only retryable answers: `apply` sends it again.
    case pending = 0
    /// Refused with a permanent code.
    case failed = 1
    /// `NOT_FOUND`: it was already gone.
    case absent = 2
    /// Carried out by this plan's requests (deleted, for a delete plan).
    case done = 3

    public static func < (a: VersionState, b: VersionState) -> Bool { a.rawValue < b.rawValue }

    /// The name reports, the CSV and summaries use: the done state is named after the operation.
    public func name(for operation: BatchOperation) -> String {
        switch self {
        case .pending: "pending"
        case .failed: "failed"
        case .absent: "absent"
        case .done: operation.doneName
        }
    }

    /// The name of the state for a delete plan, the only operation plans carry today.
    public var description: String { name(for: .delete) }

    /// Whether it needs no more requests.
    public var isFinal: Bool { self != .pending }

    /// The state an outcome moves a version to from `self`; `nil` when it stays.
    public func next(after outcome: VersionOutcome) -> VersionState? {
        let target: VersionState
        switch outcome {
        case .done: target = .done
        case .absent: target = .absent
        case .failed: target = .failed
        case .retryable: return nil
        }
        if target > self || (target == .failed && self == .failed) { return target }
        return nil
    }
}
