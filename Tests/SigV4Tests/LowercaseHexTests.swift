@testable import SigV4
import Testing

/// Pins the hex SigV4 writes digests and signatures in: two lower-case digits per byte, in order.
@Suite struct LowercaseHexTests {
    @Test func everyByteIsTwoLowerCaseDigits() {
        for byte in UInt8.min...UInt8.max {
            let text = LowercaseHex.string([byte])
            #expect(text.count == 2 && UInt8(text, radix: 16) == byte && text == text.lowercased(), "byte \(byte)")
        }
        #expect(LowercaseHex.string([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(LowercaseHex.string([UInt8]()) == "")
    }

    @Test func appendingKeepsWhatIsThere() {
        var out = Array("sig=".utf8)
        LowercaseHex.append([0xde, 0xad].lazy.map { $0 }, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "sig=dead")
        #expect(SigV4Signer.hexSHA256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
