import Glibc

/// A file that appears under its name only when complete: written to `PATH.partial`, synced
/// and renamed into place by `commit()`; a file abandoned before (an error, a thrown line) has
/// its partial file removed, and whatever was at `PATH` stays as it was.
public final class AtomicFile {
    public let path: String
    /// Where the bytes go until `commit()`.
    public let partialPath: String
    private var descriptor: Int32

    /// Creates (or truncates) `PATH.partial`.
    public init(path: String) throws(FileError) {
        self.path = path
        partialPath = path + ".partial"
        descriptor = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError.errno(.cannotOpen, file: partialPath) }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(partialPath)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        try Self.writeAll(bytes, to: descriptor, file: partialPath)
    }

    public func write(_ bytes: [UInt8]) throws(FileError) {
        // `withUnsafeBytes` rethrows untyped errors; the result carries the typed one out.
        try bytes.withUnsafeBytes { raw in Result { () throws(FileError) in try write(raw) } }.get()
    }

    /// Syncs the bytes written and renames the file to `path`.
    public func commit() throws(FileError) {
        guard fsync(descriptor) == 0 else { throw FileError.errno(.writeFailed, file: partialPath) }
        close(descriptor)
        descriptor = -1
        guard rename(partialPath, path) == 0 else {
            let error = FileError.errno(.writeFailed, file: path)
            unlink(partialPath)
            throw error
        }
    }

    /// Writes all of `bytes` to `descriptor`, through short and interrupted writes.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, file: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.errno(.writeFailed, file: file)
            }
            offset += n
        }
    }
}

/// The process's standard output, written through the same loop as files.
public enum StandardOutput {
    public static func write(_ bytes: [UInt8]) throws(FileError) {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(FileError) in try AtomicFile.writeAll(raw, to: STDOUT_FILENO, file: "standard output") }
        }.get()
    }
}
