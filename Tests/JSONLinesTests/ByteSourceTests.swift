import Foundation
import JSONLines
import TestSupport
import Testing
import Model

/// Pins what `ByteSource` hands on and records: plain or zstd by magic, the digest of the stored
/// bytes, the sizes, and which file and offset a failure names.
@Suite struct ByteSourceTests {
    static func read(_ path: String, hashing: Bool = true) throws -> (bytes: [UInt8], identity: FileIdentity) {
        let source = try ByteSource(InputFile(path))
        var identity = FileIdentity(name: path)
        var bytes: [UInt8] = []
        try source.stream(into: &identity, hashing: hashing) { bytes.append(contentsOf: $0) }
        return (bytes, identity)
    }

    /// Lines of about `size` bytes in all.
    static func lines(_ size: Int) -> [UInt8] {
        var random = SplitMix64(seed: 2)
        var bytes: [UInt8] = []
        while bytes.count < size { bytes += Array("line \(random.next())\n".utf8) }
        return bytes
    }

    @Test func aPlainFileLargerThanABlockComesBackAsItIs() throws {
        let dir = try TemporaryDirectory()
        let content = Self.lines(2_500_000)
        let path = try dir.write("plain.jsonl", content)
        let (bytes, identity) = try Self.read(path)
        #expect(bytes == content)
        #expect(!identity.compressed)
        #expect(identity.bytes == content.count && identity.uncompressedBytes == content.count)
        #expect(identity.sha256 == SHA256Hex.of(content))
        #expect(identity.sha256 == FileDigest.sha256(path: path))
    }

    @Test func zstdIsDecodedAndTheDigestIsOfTheStoredBytes() throws {
        let dir = try TemporaryDirectory()
        let content = Self.lines(1_500_000)
        let frame = try ManifestFixture.zstdFrame(content, in: dir)
        // The name says nothing: the magic decides.
        let path = try dir.write("inventory.jsonl", frame)
        let (bytes, identity) = try Self.read(path)
        #expect(bytes == content)
        #expect(identity.compressed)
        #expect(identity.bytes == frame.count)
        #expect(identity.uncompressedBytes == content.count)
        #expect(identity.sha256 == SHA256Hex.of(frame))
    }

    @Test func withoutHashingTheDigestStaysEmpty() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("j.journal", Array("{}\n".utf8))
        let (bytes, identity) = try Self.read(path, hashing: false)
        #expect(bytes == Array("{}\n".utf8))
        #expect(identity.sha256 == "")
        #expect(identity.bytes == 3)
    }

    @Test func emptyAndTinyFilesArePlain() throws {
        let dir = try TemporaryDirectory()
        let empty = try Self.read(try dir.write("empty", []))
        #expect(empty.bytes.isEmpty && !empty.identity.compressed && empty.identity.bytes == 0)
        #expect(empty.identity.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Three bytes of the magic are not a zstd stream.
        let short = try Self.read(try dir.write("short", [0x28, 0xB5, 0x2F]))
        #expect(short.bytes == [0x28, 0xB5, 0x2F] && !short.identity.compressed)
    }

    @Test func aMissingFileCannotBeOpenedAndSaysWhy() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("absent.jsonl")
        let error = #expect(throws: FileError.self) { _ = try ByteSource(InputFile(path)) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.file == path)
        #expect(error?.offset == nil)
        #expect(error?.description == "\(path): cannot open: No such file or directory")
    }

    @Test func aDirectoryOpensButCannotBeRead() throws {
        let dir = try TemporaryDirectory()
        var identity = FileIdentity(name: dir.path)
        let source = try ByteSource(InputFile(dir.path))
        let error = #expect(throws: FileError.self) { try source.stream(into: &identity) { _ in } }
        #expect(error?.code == .readFailed)
        #expect(error?.offset == 0)
        #expect(error?.detail == "Is a directory")
    }

    @Test func aTruncatedStreamIsReadUpToTheCutThenRefused() throws {
        let dir = try TemporaryDirectory()
        let content = Self.lines(400_000)
        let frame = try ManifestFixture.zstdFrame(content, in: dir)
        let cut = Array(frame.prefix(frame.count * 3 / 4))
        let path = try dir.write("cut.zst", cut)
        let source = try ByteSource(InputFile(path))
        var identity = FileIdentity(name: path)
        var bytes: [UInt8] = []
        let error = #expect(throws: FileError.self) { try source.stream(into: &identity) { bytes.append(contentsOf: $0) } }
        #expect(error?.code == .truncated)
        #expect(error?.offset == cut.count)
        #expect(!bytes.isEmpty && bytes == Array(content.prefix(bytes.count)))
    }

    @Test func aFileThatOnlyStartsLikeZstdIsCorruptAtAnOffset() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("fake.zst", [0x28, 0xB5, 0x2F, 0xFD] + Array(String(repeating: "not zstd ", count: 100).utf8))
        let error = #expect(throws: FileError.self) { try Self.read(path) }
        #expect(error?.code == .corrupt)
        #expect(error?.file == path)
        let offset = try #require(error?.offset)
        #expect(offset >= 0 && offset <= 904)
        #expect(error?.description.hasPrefix("\(path): byte \(offset): corrupt zstd data: ") == true)
    }
}
