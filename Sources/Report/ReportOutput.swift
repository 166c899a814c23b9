import Glibc

/// Where a report goes: standard output, or a file that appears under its name only when
/// complete (written to `FILE.partial`, synced and renamed by `finish()`).
public final class ReportOutput {
    /// The file's path, or `nil` for standard output.
    public let path: String?
    private let partialPath: String?
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// `nil` or `-` writes to standard output.
    public init(path: String?) throws(ReportError) {
        if let path, path != "-" {
            self.path = path
            partialPath = path + ".partial"
            descriptor = open(path + ".partial", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw ReportError.cannotWrite(file: path, reason: String(cString: strerror(errno))) }
        } else {
            self.path = nil
            partialPath = nil
            descriptor = STDOUT_FILENO
        }
        buffer.reserveCapacity(flushThreshold + 64 << 10)
    }

    deinit {
        if let partialPath, descriptor >= 0 {
            close(descriptor)
            unlink(partialPath)
        }
    }

    public func write(_ bytes: [UInt8]) throws(ReportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func write(_ text: String) throws(ReportError) { try write(Array(text.utf8)) }

    /// Writes what is buffered; for a file, syncs it and renames it into place.
    public func finish() throws(ReportError) {
        try flush()
        guard let path, let partialPath else { return }
        guard fsync(descriptor) == 0 else { throw ReportError.cannotWrite(file: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
        descriptor = -1
        guard rename(partialPath, path) == 0 else {
            throw ReportError.cannotWrite(file: path, reason: String(cString: strerror(errno)))
        }
    }

    private func flush() throws(ReportError) {
        var offset = 0
        let failure: Int32? = buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            throw ReportError.cannotWrite(file: path ?? "standard output", reason: String(cString: strerror(failure)))
        }
    }
}
