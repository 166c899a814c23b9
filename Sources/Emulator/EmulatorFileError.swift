/// Why the emulator cannot read an inventory or write its state or log files.
public enum EmulatorFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// The inventory has lines that are not valid rows; the first few are quoted.
    case invalidInventory(path: String, rejects: Int, examples: [String])

    /// A stable, payload-free name for the error.
    public var code: String {
        switch self {
        case .cannotRead: "cannot-read"
        case .cannotWrite: "cannot-write"
        case .invalidInventory: "invalid-inventory"
        }
    }

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): "cannot read \(path): \(reason)"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .invalidInventory(path, rejects, examples):
            "\(path) has \(rejects) invalid line\(rejects == 1 ? "" : "s"): " + examples.joined(separator: "; ")
        }
    }
}
