import Glibc

/// Where a harness writes its seed inputs, one file each.
public final class SeedDirectory {
    public let path: String
    public private(set) var count = 0

    public init(path: String) throws {
        self.path = path
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw FileFailure(operation: "mkdir", path: path) }
    }

    /// Writes one seed; `name` says what it is.
    public func add(_ name: String, _ bytes: [UInt8]) throws {
        count += 1
        try ScratchFile.write(bytes, to: "\(path)/\(name)-\(count)")
    }
}

/// A file operation that failed, with the C library's words.
public struct FileFailure: Error, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let reason: String

    init(operation: String, path: String) {
        self.operation = operation
        self.path = path
        self.reason = String(cString: strerror(errno))
    }

    public var description: String { "\(operation) \(path): \(reason)" }
}
