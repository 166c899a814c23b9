/// Where one planned version stands after replaying a journal.
///
/// States only move up the order `pending < failed < absent < deleted`:
/// - `pending` → `failed` | `absent` | `deleted` on a final answer (retryable answers keep it `pending`);
/// - `failed` → `absent` | `deleted` when a later attempt finds it gone or deletes it
///   (a later `failed` replaces the code and message);
/// - `absent` → `deleted` when any attempt reported it deleted (a lost answer's retry meets
///   `NOT_FOUND`, but an answer that did arrive said deleted);
/// - `deleted` is final: it is never downgraded.
public enum VersionState: UInt8, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Never answered, or only retryable answers: `apply` sends it again.
    case pending = 0
    /// Refused with a permanent code.
    case failed = 1
    /// `NOT_FOUND`: it was already gone.
    case absent = 2
    /// Deleted by this plan's requests.
    case deleted = 3

    public static func < (a: VersionState, b: VersionState) -> Bool { a.rawValue < b.rawValue }

    /// The name reports and the CSV use.
    public var description: String {
        switch self {
        case .pending: "pending"
        case .failed: "failed"
        case .absent: "absent"
        case .deleted: "deleted"
        }
    }

    /// Whether it needs no more requests.
    public var isFinal: Bool { self != .pending }

    /// The state an outcome moves a version to from `self`; `nil` when it stays.
    public func next(after outcome: VersionOutcome) -> VersionState? {
        let target: VersionState
        switch outcome {
        case .deleted: target = .deleted
        case .notFound: target = .absent
        case .failed: target = .failed
        case .retryable: return nil
        }
        if target > self || (target == .failed && self == .failed) { return target }
        return nil
    }
}
