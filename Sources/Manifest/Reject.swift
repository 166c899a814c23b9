import JSONLines
import Model

/// A manifest line that cannot become part of a plan: where it is, which rule it breaks,
/// and what to do about it.
public struct Reject: Sendable, Hashable, CustomStringConvertible {
    /// The bytes of a line kept in a reject, enough to find it again.
    public static let excerptLength = LineBatcher.excerptLength

    /// The manifest as the user named it (`-` for standard input).
    public var file: String
    /// 1-based line number in the uncompressed manifest.
    public var line: Int
    public var kind: RejectKind
    /// The member at fault, when one is.
    public var field: PackageField?
    /// One sentence: the rule broken, with the offending value.
    public var message: String
    /// What to do, when there is more to say than the message.
    public var hint: String?
    /// The line's first bytes, invalid UTF-8 replaced by U+FFFD.
    public var excerpt: String

    public init(file: String, line: Int, kind: RejectKind, field: PackageField? = nil,
                message: String, hint: String? = nil, excerpt: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.field = field
        self.message = message
        self.hint = hint
        self.excerpt = excerpt
    }

    public var description: String {
        var text = "\(file):\(line): \(kind.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}
