import Foundation
import JSONLines

/// Builds manifest files in code: plain, zstd, multi-frame, with skippable frames.
public enum ManifestFixture {
    /// A valid manifest line for the given members (`nil` members are left out).
    public static func line(domain: String = "acme", domainOwner: String? = nil, repository: String = "npm-store",
                            format: String = "npm", namespace: String? = nil, package: String = "left-pad",
                            version: String = "1.0.0") -> String {
        var w = JSONWriter()
        w.beginObject()
        w.member("domain", domain)
        if let domainOwner { w.member("domainOwner", domainOwner) }
        w.member("repository", repository)
        w.member("format", format)
        if let namespace { w.member("namespace", namespace) }
        w.member("package", package)
        w.member("version", version)
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// One zstd frame holding `bytes`.
    public static func zstdFrame(_ bytes: [UInt8], in directory: TemporaryDirectory) throws -> [UInt8] {
        let name = "frame-\(UUID().uuidString).zst"
        let writer = try JSONLinesWriter(path: directory.file(name), compressed: true)
        // The writer appends a newline per line; write raw bytes by splitting on newlines.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let endsWithNewline = bytes.last == 0x0A
        if endsWithNewline { lines.removeLast() }
        precondition(endsWithNewline || bytes.isEmpty, "fixture frames hold whole lines")
        for line in lines { try writer.write(line: Array(line)) }
        try writer.commit()
        let frame = try directory.read(name)
        try FileManager.default.removeItem(atPath: directory.file(name))
        return frame
    }

    /// A skippable frame (magic 0x184D2A50) with `payload`, which readers must pass over.
    public static func skippableFrame(_ payload: [UInt8]) -> [UInt8] {
        let size = UInt32(payload.count)
        return [0x50, 0x2A, 0x4D, 0x18, UInt8(size & 0xFF), UInt8((size >> 8) & 0xFF),
                UInt8((size >> 16) & 0xFF), UInt8(size >> 24)] + payload
    }

    /// Lines joined with `\n`, with a final newline.
    public static func text(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
