/// A CodeArtifact package format, with the namespace rule the service applies to it.
public enum PackageFormat: String, CaseIterable, Sendable, Hashable, Comparable {
    case npm, pypi, maven, nuget, generic, ruby, swift, cargo

    /// Whether a package of this format carries a namespace.
    public enum NamespaceRule: Sendable {
        /// maven group id, swift scope, generic namespace.
        case required
        /// pypi, nuget, ruby and cargo have no namespaces.
        case forbidden
        /// npm scopes are optional.
        case optional
    }

    public var namespaceRule: NamespaceRule {
        switch self {
        case .maven, .swift, .generic: .required
        case .pypi, .nuget, .ruby, .cargo: .forbidden
        case .npm: .optional
        }
    }

    public static func < (lhs: PackageFormat, rhs: PackageFormat) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
