import Glibc

/// Files the harnesses hand to readers that take a path: one private directory per process.
public enum ScratchFile {
    /// A new directory under `$TMPDIR` (or /tmp); scripts/fuzz.sh points `TMPDIR` into its build folder.
    public static func directory(_ name: String) -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/cabatch-fuzz-\(name)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("mkdtemp: \(String(cString: strerror(errno)))") }
        return String(cString: made)
    }

    /// Replaces the file at `path` with `bytes`.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure(operation: "open", path: path) }
        defer { close(descriptor) }
        let array = Array(bytes)
        try array.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileFailure(operation: "write", path: path)
                }
                offset += n
            }
        }
    }

    /// The whole file at `path`.
    public static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileFailure(operation: "open", path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileFailure(operation: "read", path: path)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: block[0..<n])
        }
    }
}
