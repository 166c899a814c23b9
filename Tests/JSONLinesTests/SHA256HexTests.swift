import JSONLines
import Testing

/// Pins the digest plans are sealed with: SHA-256 as 64 lowercase hex digits, fed whole or in pieces.
@Suite struct SHA256HexTests {
    @Test func knownDigests() {
        #expect(SHA256Hex.of([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.of(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func piecesDigestAsTheWhole() {
        let bytes = Array("The quick brown fox jumps over the lazy dog\n".utf8)
        for cut in [0, 1, 20, bytes.count] {
            var digest = SHA256Hex()
            digest.update(Array(bytes[..<cut]))
            bytes[cut...].withUnsafeBytes { digest.update($0) }
            #expect(digest.finalize() == SHA256Hex.of(bytes), "cut at \(cut)")
        }
        #expect(SHA256Hex.of(bytes) == "c03905fcdab297513a620ec81ed46ca44ddb62d41cbbd83eb4a5a3592be26a69")
    }

    @Test func finalizingDoesNotEndTheDigest() {
        var digest = SHA256Hex()
        digest.update(Array("ab".utf8))
        #expect(digest.finalize() == SHA256Hex.of(Array("ab".utf8)))
        digest.update(Array("c".utf8))
        #expect(digest.finalize() == SHA256Hex.of(Array("abc".utf8)))
        #expect(digest.finalize().allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
}
