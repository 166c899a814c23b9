import Foundation
import SigV4
import Testing

/// Pins credentials as values: when they expire, and descriptions and mirrors that show the key
/// id and expiry but never the secret or the token.
@Suite struct CredentialsTests {
    static let expiry = Date(timeIntervalSince1970: 1_440_938_160)

    @Test func longTermKeysNeverExpire() {
        let keys = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "s")
        #expect(!keys.expires(within: 1e9, of: Date(timeIntervalSince1970: 0)))
        #expect(keys.sessionToken == nil && keys.expiration == nil)
    }

    @Test func temporaryCredentialsExpireWithinTheMargin() {
        let temporary = Credentials(accessKeyID: "ASIA", secretAccessKey: "s", sessionToken: "t", expiration: Self.expiry)
        #expect(!temporary.expires(within: 300, of: Self.expiry.addingTimeInterval(-301)))
        #expect(temporary.expires(within: 300, of: Self.expiry.addingTimeInterval(-300)))
        #expect(temporary.expires(within: 0, of: Self.expiry))
        #expect(temporary.expires(within: 0, of: Self.expiry.addingTimeInterval(1)), "already expired")
    }

    @Test func descriptionsShowTheKeyIdAndExpiryOnly() {
        let keys = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI")
        #expect(keys.description == "Credentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>)")
        let temporary = Credentials(accessKeyID: "ASIA", secretAccessKey: "wJalrXUtnFEMI", sessionToken: "FwoGZXIv",
                                    expiration: Self.expiry.addingTimeInterval(0.9))
        #expect(temporary.description
            == "Credentials(accessKeyID: ASIA, secretAccessKey: <redacted>, sessionToken: <redacted>, expiration: 2015-08-30T12:36:00Z)")
        #expect(temporary.debugDescription == temporary.description)
        var dumped = ""
        dump(temporary, to: &dumped)
        #expect(!dumped.contains("wJalrXUtnFEMI") && !dumped.contains("FwoGZXIv"))
        #expect(dumped.contains("ASIA"))
        #expect(Mirror(reflecting: temporary).children.compactMap(\.label) == ["accessKeyID", "secretAccessKey", "sessionToken", "expiration"])
    }

    @Test func credentialsCompareByEveryMember() {
        let a = Credentials(accessKeyID: "A", secretAccessKey: "s")
        #expect(a == Credentials(accessKeyID: "A", secretAccessKey: "s"))
        #expect(a != Credentials(accessKeyID: "A", secretAccessKey: "t"))
        #expect(a != Credentials(accessKeyID: "A", secretAccessKey: "s", sessionToken: "x"))
    }
}
