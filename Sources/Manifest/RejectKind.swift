import Model
/// Why a manifest line was rejected: stable, payload-free names used in rejects files,
/// summaries and reports.
public enum RejectKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case lineTooLong = "line-too-long"
    case notUTF8 = "not-utf8"
    case invalidJSON = "invalid-json"
    case notAnObject = "not-an-object"
    case repeatedMember = "repeated-member"
    case missingMember = "missing-member"
    case wrongType = "wrong-type"
    case tooShort = "too-short"
    case tooLong = "too-long"
    case pattern = "pattern"
    case unknownFormat = "unknown-format"
    case namespaceRequired = "namespace-required"
    case namespaceForbidden = "namespace-forbidden"
    case unknownValue = "unknown-value"

    init(_ rule: RuleViolation.Rule) {
        switch rule {
        case .tooShort: self = .tooShort
        case .tooLong: self = .tooLong
        case .pattern: self = .pattern
        case .unknownFormat: self = .unknownFormat
        case .namespaceRequired: self = .namespaceRequired
        case .namespaceForbidden: self = .namespaceForbidden
        case .unknownValue: self = .unknownValue
        }
    }

    public static func < (lhs: RejectKind, rhs: RejectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
