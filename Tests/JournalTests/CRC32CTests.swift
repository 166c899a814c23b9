import Journal
import Testing
import Model

@Suite struct CRC32CTests {
    @Test func checkValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.hex(0x0000_00AB) == "000000ab")
    }

    @Test func incrementalEqualsWhole() {
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        let split = CRC32C.finish(CRC32C.update(CRC32C.update(CRC32C.start, bytes[..<10]), bytes[10...]))
        #expect(split == CRC32C.checksum(bytes))
        #expect(CRC32C.checksum(bytes) == 0x2262_0404)
    }

    /// The eight-bytes-at-a-time path against the definition, bit by bit, at every length and
    /// alignment a line can have around its eight-byte steps.
    @Test func slicingMatchesTheBitwiseDefinition() {
        func bitwise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            }
            return crc ^ 0xFFFF_FFFF
        }
        var random = SplitMix64(seed: 9)
        let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        for start in 0..<9 {
            for end in stride(from: start, through: bytes.count, by: 7) {
                let slice = bytes[start..<end]
                let raw = slice.withUnsafeBytes { CRC32C.finish(CRC32C.update(CRC32C.start, $0)) }
                #expect(raw == bitwise(slice) && CRC32C.checksum(slice) == bitwise(slice))
                // A sequence without contiguous storage takes the byte-at-a-time path.
                #expect(CRC32C.checksum(slice.lazy.map { $0 }) == bitwise(slice))
            }
        }
    }
}
