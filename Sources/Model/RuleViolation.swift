/// One of the service's constraints that a value breaks, with what to do about it.
public struct RuleViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which constraint: stable, payload-free, used for reject kinds and summaries.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        case tooShort = "too-short"
        case tooLong = "too-long"
        case pattern = "pattern"
        case unknownFormat = "unknown-format"
        case namespaceRequired = "namespace-required"
        case namespaceForbidden = "namespace-forbidden"
        /// Not one of the values the service's enumeration allows (a status, an origin).
        case unknownValue = "unknown-value"
    }

    public let field: PackageField
    public let rule: Rule
    /// One sentence naming the field, the value's problem and the constraint.
    public let message: String
    /// What to change, when there is more to say than the message.
    public let hint: String?

    public init(field: PackageField, rule: Rule, message: String, hint: String? = nil) {
        self.field = field
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}
