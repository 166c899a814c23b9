@testable import SigV4
import Foundation
import Testing

/// Pins the signing-key cache: one derived key per credentials, day, region and service, shared
/// between threads, the previous day's keys dropped, and no secret shown.
@Suite struct SigningKeyCacheTests {
    @Test func signingKeysAreCachedPerDayRegionService() async {
        let cache = SigningKeyCache()
        let clock = WallClock.fixed(SigV4SignerTests.date)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let region = index.isMultiple(of: 2) ? "us-east-1" : "eu-west-1"
                    let signer = SigV4Signer(credentials: SigV4SignerTests.credentials, region: region, service: "codeartifact",
                                             clock: clock, keyCache: cache)
                    _ = signer.sign(SigV4SignerTests.request())
                }
            }
        }
        #expect(cache.count == 2)
        // A new day replaces the old day's keys.
        let tomorrow = SigV4Signer(credentials: SigV4SignerTests.credentials, region: "us-east-1", service: "codeartifact",
                                   clock: .fixed(SigV4SignerTests.date.addingTimeInterval(86_400)), keyCache: cache)
        _ = tomorrow.sign(SigV4SignerTests.request())
        #expect(cache.count == 1)
        let cached = tomorrow.signingKey(day: "20150831")
        let derived = SigV4Signer.signingKey(secretAccessKey: SigV4SignerTests.credentials.secretAccessKey, day: "20150831",
                                             region: "us-east-1", service: "codeartifact")
        #expect(cached == derived)
    }

    /// AWS's documented derivation example (secret `wJalrXUtnFEMI…`, 20120215, us-east-1, iam).
    @Test func keysAreDerivedAsAWSDocumentsThem() {
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        let key = SigningKeyCache().key(credentials: credentials, day: "20120215", region: "us-east-1", service: "iam")
        #expect(key.withUnsafeBytes { Array($0) } == Array(hex: "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"))
    }

    @Test func rotatedCredentialsGetAKeyOfTheirOwn() {
        let cache = SigningKeyCache()
        let old = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "old-secret")
        let new = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "new-secret")
        let first = cache.key(credentials: old, day: "20150830", region: "us-east-1", service: "codeartifact")
        let second = cache.key(credentials: new, day: "20150830", region: "us-east-1", service: "codeartifact")
        #expect(first != second)
        #expect(cache.count == 2)
        #expect(cache.key(credentials: old, day: "20150830", region: "us-east-1", service: "codeartifact") == first)
        _ = cache.key(credentials: old, day: "20150830", region: "us-east-1", service: "s3")
        #expect(cache.count == 3, "services have keys of their own")
    }

    /// The keyed HMAC is keyed with the derived key (AWS's example key, checked with Python's
    /// `hmac`), and each copy handed out starts afresh.
    @Test func theKeyedHMACIsTheDerivedKeys() {
        let cache = SigningKeyCache()
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        var keyed = cache.hmac(credentials: credentials, day: "20120215", region: "us-east-1", service: "iam")
        keyed.update(data: Array("string to sign".utf8))
        #expect(Array(keyed.finalize()) == Array(hex: "18f3c67974b4dad785c8318e29a51984c52b54fd68b36572fc4480b958b45280"))
        var fresh = cache.hmac(credentials: credentials, day: "20120215", region: "us-east-1", service: "iam")
        fresh.update(data: Array("other".utf8))
        #expect(Array(fresh.finalize()) == Array(hex: "f837a489f8b1f96f232f6912586f616394790988ae2804393cf71ae4168dbd55"))
        #expect(cache.count == 1)
    }

    @Test func itsMirrorShowsOnlyHowManyKeysItHolds() {
        let cache = SigningKeyCache()
        _ = cache.key(credentials: SigV4SignerTests.credentials, day: "20150830", region: "us-east-1", service: "codeartifact")
        var dumped = ""
        dump(cache, to: &dumped)
        #expect(!dumped.contains(SigV4SignerTests.credentials.secretAccessKey))
        #expect(Mirror(reflecting: cache).children.map { $0.label } == ["count"])
        #expect(Mirror(reflecting: cache).children.first?.value as? Int == 1)
    }
}

extension Array where Element == UInt8 {
    init(hex: String) {
        var bytes: [UInt8] = []
        var characters = hex.makeIterator()
        while let high = characters.next(), let low = characters.next() {
            bytes.append(UInt8(String([high, low]), radix: 16)!)
        }
        self = bytes
    }
}
