/// A manifest as named on the command line: a file path, or `-` for standard input.
public struct ManifestInput: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public static let standardInput = ManifestInput("-")

    public var isStandardInput: Bool { name == "-" }
    public var description: String { isStandardInput ? "standard input" : name }
}
