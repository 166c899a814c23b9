import Glibc

/// A file that only grows, written through the same loop as ``AtomicFile``: a log whose last
/// line may be torn by `kill -9`, and which its owner cuts back to a known length on reopening.
public final class AppendFile {
    public let path: String
    private var descriptor: Int32

    /// Opens `path` for appending, creating it when absent, and cuts it to `length` bytes when
    /// given (what was written after the last point its owner recorded).
    public init(path: String, truncatingTo length: Int? = nil) throws(FileError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError.errno(.cannotOpen, file: path) }
        if let length, ftruncate(descriptor, off_t(length)) != 0 {
            Glibc.close(descriptor)
            throw FileError.errno(.writeFailed, file: path)
        }
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    /// The file's length now.
    public func size() throws(FileError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileError.errno(.readFailed, file: path) }
        return Int(info.st_size)
    }

    public func write(_ bytes: [UInt8]) throws(FileError) {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(FileError) in try AtomicFile.writeAll(raw, to: descriptor, file: path) }
        }.get()
    }

    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }
}
