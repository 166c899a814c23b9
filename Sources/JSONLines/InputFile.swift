/// A file to read as named on the command line: a path, or `-` for standard input.
public struct InputFile: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public static let standardInput = InputFile("-")

    public var isStandardInput: Bool { name == "-" }
    public var description: String { isStandardInput ? "standard input" : name }
}
