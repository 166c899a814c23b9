import Model
/// Why a plan could not be made, read or used.
public enum PlanError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidShard(String)
    /// The file is not a plan at all, or of a format version this cabatch cannot read.
    case notAPlan(file: String, reason: String)
    /// A line of the plan does not decode.
    case damaged(file: String, line: Int, reason: String)
    /// Fewer requests than the header promises.
    case truncated(file: String, expected: Int, found: Int)
    /// A plan of an earlier format version, made by an older cabatch.
    case oldFormat(file: String, version: Int)
    /// A request line breaks one of the service's rules, or the plan's own (ids 1, 2, 3… in order).
    case invalidRequest(file: String, line: Int, request: Int, rule: String)
    /// The request lines do not match the header's seal: the plan changed after it was written.
    /// `line` and `problem`: the first request line that is damaged or breaks a rule, when one is.
    case sealBroken(file: String, line: Int?, problem: String?)
    case rejectsPresent(count: Int)
    /// Versions named with two different statuses or revisions.
    case conflictingPreconditions([PlanConflict])

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
        case .oldFormat(let file, let version):
            "\(file) is a format version \(version) plan, which this cabatch no longer reads (it reads versions \(PlanHeader.readableVersions.lowerBound) to \(PlanHeader.readableVersions.upperBound), whose requests are sealed); make the plan again with cabatch plan"
        case .invalidRequest(let file, let line, let request, let rule):
            "\(file):\(line): request \(request): \(rule); make the plan again with cabatch plan"
        case .sealBroken(let file, let line?, let problem?):
            "\(file):\(line): \(problem); the plan was changed after cabatch plan sealed it; make it again with cabatch plan"
        case .sealBroken(let file, _, _):
            "\(file): the request lines do not match the plan's seal (requestsSHA256 in its header): it was changed after cabatch plan sealed it; make it again with cabatch plan"
        case .rejectsPresent(let count):
            "\(count) manifest line\(count == 1 ? "" : "s") rejected; no plan written (fix them, or plan the valid rows with --skip-invalid)"
        case .conflictingPreconditions(let conflicts):
            "\(conflicts[0])\(conflicts.count > 1 ? " (and \(conflicts.count - 1) more)" : ""); which is current is not known, so no plan was written: remove the stale rows, or plan with --expected-status STATUS or --ignore-inventory-status"
        }
    }

    /// What is wrong with one request line, without the file's name (`sealBroken` words it after
    /// its own `file:line:`); `nil` for errors about something else.
    var lineProblem: String? {
        switch self {
        case .damaged(_, _, let reason): "damaged plan line: \(reason)"
        case .invalidRequest(_, _, let request, let rule): "request \(request): \(rule)"
        default: nil
        }
    }

    /// Stable, payload-free name for summaries.
    public var code: String {
        switch self {
        case .invalidShard: "invalid-shard"
        case .notAPlan: "not-a-plan"
        case .damaged: "damaged-plan"
        case .truncated: "truncated-plan"
        case .oldFormat: "old-plan-format"
        case .invalidRequest: "invalid-request"
        case .sealBroken: "seal-broken"
        case .rejectsPresent: "rejects"
        case .conflictingPreconditions: "conflicting-preconditions"
        }
    }
}

/// A version the manifests give two different preconditions (statuses or revisions): planning
/// it either way would be a guess.
public struct PlanConflict: Sendable, Hashable, CustomStringConvertible {
    /// How many conflicts a plan keeps to report; the first is enough to act on.
    static let kept = 20

    public var key: PackageKey
    public var version: String
    public var first: String
    public var second: String

    public var description: String {
        "\(key.packageName)@\(version) in \(key.domain)/\(key.repository) is listed with \(first) and with \(second)"
    }
}
