import Foundation

/// The `--log` file: request log lines appended in the order requests finish.
///
/// Lines are buffered and written in blocks so that logging does not cost a system call per
/// request; `flush()` (called on stop) writes the rest.
public final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let blockSize = 64 * 1024

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws(EmulatorFileError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else { throw EmulatorFileError.cannotWrite(path: path, reason: "cannot create the request log") }
        self.handle = handle
    }

    func append(_ entry: RequestLogEntry) {
        let line = entry.jsonLine()
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: line)
        if buffer.count >= Self.blockSize { writeBuffer() }
    }

    /// Writes every buffered line to the file.
    public func flush() {
        lock.lock()
        defer { lock.unlock() }
        writeBuffer()
    }

    private func writeBuffer() {
        guard !buffer.isEmpty else { return }
        // A full disk loses log lines, not the emulator; the log is a diagnostic.
        try? handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        writeBuffer()
        try? handle.close()
    }
}
