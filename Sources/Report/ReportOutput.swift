import JSONLines

/// Where a report goes: standard output, or a file that appears under its name only when
/// complete (an `AtomicFile`, committed by `finish()`).
public final class ReportOutput {
    /// The file's path, or `nil` for standard output.
    public let path: String?
    private let file: AtomicFile?
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// `nil` or `-` writes to standard output.
    public init(path: String?) throws(ReportError) {
        if let path, path != "-" {
            self.path = path
            do throws(FileError) {
                file = try AtomicFile(path: path)
            } catch {
                throw ReportError.cannotWrite(file: path, reason: error.detail)
            }
        } else {
            self.path = nil
            file = nil
        }
        buffer.reserveCapacity(flushThreshold + 64 << 10)
    }

    public func write(_ bytes: [UInt8]) throws(ReportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func write(_ text: String) throws(ReportError) { try write(Array(text.utf8)) }

    /// Writes what is buffered; for a file, syncs it and renames it into place.
    public func finish() throws(ReportError) {
        try flush()
        do throws(FileError) {
            try file?.commit()
        } catch {
            throw ReportError.cannotWrite(file: path ?? "standard output", reason: error.detail)
        }
    }

    private func flush() throws(ReportError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        do throws(FileError) {
            if let file { try file.write(buffer) } else { try StandardOutput.write(buffer) }
        } catch {
            throw ReportError.cannotWrite(file: path ?? "standard output", reason: error.detail)
        }
    }
}
