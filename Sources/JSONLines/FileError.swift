import Glibc

/// Why a file (a manifest, plan, journal, inventory, report or state file) could not be read or
/// written at all, as opposed to one of its lines being refused.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// Stable, payload-free codes for summaries and exit status.
    public enum Code: String, Sendable {
        case cannotOpen = "cannot-open"
        case readFailed = "read-failed"
        case writeFailed = "write-failed"
        case corrupt = "corrupt-zstd"
        case truncated = "truncated-zstd"
        case decoderFailed = "decoder-failed"
    }

    public let code: Code
    public let file: String
    /// Offset in the file's (compressed) bytes, where one is known.
    public let offset: Int?
    public let detail: String

    public var description: String {
        let place = offset.map { "\(file): byte \($0)" } ?? file
        switch code {
        case .cannotOpen: return "\(place): cannot open: \(detail)"
        case .readFailed: return "\(place): read failed: \(detail)"
        case .writeFailed: return "\(place): write failed: \(detail)"
        case .corrupt: return "\(place): corrupt zstd data: \(detail); the lines before it were read, nothing after it"
        case .truncated: return "\(place): the zstd stream ends in the middle of a frame (truncated file?); the lines before it were read"
        case .decoderFailed: return "\(place): \(detail)"
        }
    }

    public static func errno(_ code: Code, file: String, offset: Int? = nil) -> FileError {
        FileError(code: code, file: file, offset: offset, detail: String(cString: strerror(Glibc.errno)))
    }
}
