@testable import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `CredentialsDocument.decode`: keys, `Token` or `SessionToken`, an ISO 8601 expiration,
/// IMDS's `Code`, and `malformedResponse` naming the provider for anything else.
@Suite struct CredentialsDocumentTests {
    private func decode(_ text: String) throws -> Credentials {
        try CredentialsDocument.decode(Array(text.utf8), provider: "container")
    }

    @Test func readsKeysTokenAndExpiration() throws {
        let credentials = try decode(#"{"AccessKeyId":"ASIA","SecretAccessKey":"s","Token":"t","Expiration":"2026-11-22T01:00:00Z","Code":"Success"}"#)
        #expect(credentials.accessKeyID == "ASIA" && credentials.secretAccessKey == "s" && credentials.sessionToken == "t")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_795_309_200))
        let process = try decode(#"{"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","SessionToken":"st","Expiration":"2026-11-22T03:00:00+02:00"}"#)
        #expect(process.sessionToken == "st")
        #expect(process.expiration == Date(timeIntervalSince1970: 1_795_309_200))
        let bare = try decode(#"{"AccessKeyId":"A","SecretAccessKey":"s","Token":null}"#)
        #expect(bare.sessionToken == nil && bare.expiration == nil)
        let both = try decode(#"{"AccessKeyId":"A","SecretAccessKey":"s","Token":"t1","SessionToken":"t2"}"#)
        #expect(both.sessionToken == "t1")
    }

    @Test(arguments: [
        "", "[]", "{", #"{"SecretAccessKey":"s"}"#, #"{"AccessKeyId":"","SecretAccessKey":"s"}"#, #"{"AccessKeyId":"A"}"#,
        #"{"AccessKeyId":"A","SecretAccessKey":"s","Code":"Failure"}"#,
        #"{"AccessKeyId":"A","SecretAccessKey":"s","Expiration":"tomorrow"}"#, #"{"AccessKeyId":1,"SecretAccessKey":"s"}"#,
    ])
    func anythingElseIsMalformed(text: String) {
        #expect(throws: CredentialsError.malformedResponse(provider: "container")) { try decode(text) }
    }
}
