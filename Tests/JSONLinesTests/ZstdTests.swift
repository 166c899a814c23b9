@testable import JSONLines
import Testing
import Model

/// Pins the zstd wrappers: what counts as a zstd stream, round trips through the streaming
/// encoder and decoder at any split, frame boundaries, and libzstd's errors.
@Suite struct ZstdTests {
    /// `bytes` as one frame, handed to the encoder `chunk` bytes at a time.
    static func compress(_ bytes: [UInt8], chunk: Int = 1 << 30, level: Int32 = 3) throws -> [UInt8] {
        let encoder = try ZstdCompressor(level: level)
        var out: [UInt8] = []
        var start = 0
        repeat {
            let end = min(bytes.count, start + chunk)
            try bytes[start..<end].withUnsafeBytes { raw in
                try encoder.compress(raw, end: end == bytes.count) { out.append(contentsOf: $0) }
            }
            start = end
        } while start < bytes.count
        return out
    }

    /// The decoded bytes of `stream`, handed to the decoder `chunk` bytes at a time, and whether it
    /// ended at a frame boundary.
    static func decompress(_ stream: [UInt8], chunk: Int = 1 << 30) throws -> (bytes: [UInt8], atBoundary: Bool) {
        let decoder = try ZstdDecompressor()
        var out: [UInt8] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + chunk)
            try stream[start..<end].withUnsafeBytes { raw in try decoder.decompress(raw) { out.append(contentsOf: $0) } }
            start = end
        }
        return (out, decoder.isAtFrameBoundary)
    }

    /// Text-like bytes that compress, longer than the decoder's output buffer.
    static let text: [UInt8] = {
        var random = SplitMix64(seed: 1)
        var bytes: [UInt8] = []
        while bytes.count < 300_000 {
            bytes += Array(#"{"domain":"acme","package":"p\#(random.next() % 500)","version":"1.\#(random.next() % 90)"}"#.utf8) + [0x0A]
        }
        return bytes
    }()

    @Test(arguments: [1, 13, 4096, 1 << 30])
    func roundTripsWhateverTheDecoderIsHanded(chunk: Int) throws {
        let frame = try Self.compress(Self.text)
        #expect(frame.count < Self.text.count / 2)
        let decoded = try Self.decompress(frame, chunk: chunk)
        #expect(decoded.bytes == Self.text)
        #expect(decoded.atBoundary)
    }

    @Test func roundTripsWhateverTheEncoderIsHanded() throws {
        let sample = Array(Self.text.prefix(20_000))
        for chunk in [1, 999, 1 << 30] {
            #expect(try Self.decompress(try Self.compress(sample, chunk: chunk)).bytes == sample, "chunk \(chunk)")
        }
        // An empty input is still a frame, which decodes to nothing.
        let empty = try Self.compress([])
        #expect(ZstdMagic.isZstd(empty))
        let decoded = try Self.decompress(empty)
        #expect(decoded.bytes.isEmpty && decoded.atBoundary)
    }

    /// One small input whose output is many times the decoder's buffer: every piece still arrives.
    @Test func outputFarLargerThanTheInputIsDeliveredWhole() throws {
        let zeros = [UInt8](repeating: 0, count: 5 << 20)
        let frame = try Self.compress(zeros)
        #expect(frame.count < 1024)
        let decoded = try Self.decompress(frame)
        #expect(decoded.bytes.count == zeros.count && decoded.bytes.allSatisfy { $0 == 0 })
    }

    @Test func framesCarryAContentChecksum() throws {
        let frame = try Self.compress(Array("checked\n".utf8))
        #expect(Array(frame.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD])
        // Frame_Header_Descriptor, bit 2: Content_Checksum_flag.
        #expect(frame[4] & 0x04 != 0)
    }

    @Test func concatenatedAndSkippableFramesReadAsOneStream() throws {
        let a = try Self.compress(Array("first\n".utf8)), b = try Self.compress(Array("second\n".utf8))
        let skippable: [UInt8] = [0x5F, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9]
        let decoded = try Self.decompress(a + skippable + b + skippable, chunk: 5)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == "first\nsecond\n")
        #expect(decoded.atBoundary)
    }

    @Test func aStreamCutInsideAFrameIsNotAtABoundary() throws {
        let frame = try Self.compress(Self.text)
        for cut in [5, frame.count / 2, frame.count - 1] {
            #expect(try !Self.decompress(Array(frame.prefix(cut))).atBoundary, "cut at \(cut)")
        }
        // Between two whole frames it is.
        #expect(try Self.decompress(frame + frame).atBoundary)
    }

    @Test func libzstdsErrorsComeWithItsMessage() throws {
        let garbage: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD] + [UInt8](repeating: 0xFF, count: 32)
        let error = #expect(throws: ZstdError.self) { try Self.decompress(garbage) }
        #expect(error?.operation == "decompress")
        #expect(error?.message.isEmpty == false)
        #expect(error?.description == "zstd decompress failed: \(error?.message ?? "")")
        // A damaged byte inside the compressed content is caught (by the block or the checksum).
        var damaged = try Self.compress(Self.text)
        damaged[damaged.count - 2] ^= 0xFF
        #expect(throws: ZstdError.self) { try Self.decompress(damaged) }
    }

    @Test func magicNumbersAreAFrameOrASkippableFrame() {
        #expect(ZstdMagic.isZstd([0x28, 0xB5, 0x2F, 0xFD, 0x00]))
        for nibble: UInt8 in 0...15 {
            #expect(ZstdMagic.isZstd([0x50 | nibble, 0x2A, 0x4D, 0x18]), "skippable 0x184D2A5\(nibble)")
        }
        #expect(!ZstdMagic.isZstd([0x60, 0x2A, 0x4D, 0x18]))
        #expect(!ZstdMagic.isZstd([0x28, 0xB5, 0x2F]), "three bytes are not enough")
        #expect(!ZstdMagic.isZstd([UInt8]()))
        #expect(!ZstdMagic.isZstd(Array(#"{"domain":"acme"}"#.utf8)))
        #expect(!ZstdMagic.isZstd([0xFD, 0x2F, 0xB5, 0x28]), "the magic is little-endian")
    }
}
