import Journal
import Testing

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
}
