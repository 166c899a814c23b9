import JSONLines
import TestSupport
import Testing

/// Pins a file's digest as plans record their manifests: SHA-256 of the stored bytes, `nil` when unreadable.
@Suite struct FileDigestTests {
    @Test func isTheDigestOfTheBytesAsStored() throws {
        let dir = try TemporaryDirectory()
        // More than the one-mebibyte block it reads at a time.
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileDigest.sha256(path: try dir.write("big", bytes)) == SHA256Hex.of(bytes))
        #expect(FileDigest.sha256(path: try dir.write("empty", [])) == SHA256Hex.of([]))
        // A zstd file is digested compressed: as stored.
        let frame = try ManifestFixture.zstdFrame(Array("line\n".utf8), in: dir)
        #expect(FileDigest.sha256(path: try dir.write("f.zst", frame)) == SHA256Hex.of(frame))
    }

    @Test func anUnreadableFileHasNone() throws {
        let dir = try TemporaryDirectory()
        #expect(FileDigest.sha256(path: dir.file("absent")) == nil)
        #expect(FileDigest.sha256(path: dir.path) == nil, "a directory opens but cannot be read")
    }
}
