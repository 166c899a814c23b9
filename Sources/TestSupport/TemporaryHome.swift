import Foundation

/// A throw-away `HOME` with optional `~/.aws/config` and `~/.aws/credentials`, removed when released.
public final class TemporaryHome {
    public let path: String

    public init(config: String? = nil, credentials: String? = nil) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cabatch-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    /// Writes `text` at `relative` inside the home and returns its absolute path.
    @discardableResult
    public func write(_ relative: String, _ text: String, executable: Bool = false) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        return file
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
