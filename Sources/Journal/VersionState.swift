import Model

/// Where one planned version stands after replaying a journal.
///
/// States only move up the order `pending < failed < changed < absent < done`:
/// - `pending` → `failed` | `changed` | `absent` | `done` on a final answer (retryable answers keep it `pending`);
/// - `failed` → `changed` | `absent` | `done` when a later attempt finds it changed, gone or
///   carries it out (a later `failed` replaces the code and message);
/// - `changed` → `absent` | `done` likewise;
/// - `absent` → `done` when any attempt reported it done (a lost answer's retry meets
///   `NOT_FOUND`, but an answer that did arrive said done);
/// - `done` is final: it is never downgraded.
public enum VersionState: UInt8, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Never answered, or only retryable answers: `apply` sends it again.
    case pending = 0
    /// Refused with a permanent code.
    case failed = 1
    /// `MISMATCHED_STATUS` / `MISMATCHED_REVISION`: it changed since the inventory was taken,
    /// so it was left alone; not a failure.
    case changed = 2
    /// `NOT_FOUND`: it was already gone.
    case absent = 3
    /// Carried out by this plan's requests (deleted, for a delete plan).
    case done = 4

    public static func < (a: VersionState, b: VersionState) -> Bool { a.rawValue < b.rawValue }

    /// The name reports, the CSV and summaries use: the done state is named after the operation.
    public func name(for operation: BatchOperation) -> String {
        switch self {
        case .pending: "pending"
        case .failed: "failed"
        case .changed: "changed"
        case .absent: "absent"
        case .done: operation.doneName
        }
    }

    /// The name of the state for a delete plan.
    public var description: String { name(for: .delete) }

    /// The name machine-readable output uses, the same for every operation (`done`).
    public var stableName: String { self == .done ? "done" : name(for: .delete) }

    /// The states reports list, in their order.
    public static let reported: [VersionState] = [.done, .absent, .changed, .failed, .pending]

    /// Whether it needs no more requests.
    public var isFinal: Bool { self != .pending }

    /// The state an outcome moves a version to from `self`; `nil` when it stays.
    public func next(after outcome: VersionOutcome) -> VersionState? {
        let target: VersionState
        switch outcome {
        case .done: target = .done
        case .absent: target = .absent
        case .changed: target = .changed
        case .failed: target = .failed
        case .retryable: return nil
        }
        if target > self || (target == .failed && self == .failed) { return target }
        return nil
    }
}
