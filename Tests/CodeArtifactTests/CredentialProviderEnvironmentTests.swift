import CodeArtifact
import SigV4
import Testing

/// Pins `EnvironmentCredentialProvider`: both keys or nothing, an empty variable is unset, and
/// the session token when there is one.
@Suite struct EnvironmentCredentialProviderTests {
    private func credentials(_ environment: [String: String]) async throws -> Credentials? {
        try await withCredentialContext { try await EnvironmentCredentialProvider(environment: environment).credentials(context: $0) }
    }

    @Test func bothKeysOrNothing() async throws {
        let full = try await credentials(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t"])
        #expect(full == Credentials(accessKeyID: "AKID", secretAccessKey: "s", sessionToken: "t"))
        let noToken = try await credentials(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": ""])
        #expect(noToken?.sessionToken == nil && noToken?.accessKeyID == "AKID")
        #expect(try await credentials(["AWS_ACCESS_KEY_ID": "AKID"]) == nil)
        #expect(try await credentials(["AWS_SECRET_ACCESS_KEY": "s"]) == nil)
        #expect(try await credentials(["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "s"]) == nil)
        #expect(try await credentials([:]) == nil)
        #expect(EnvironmentCredentialProvider(environment: [:]).description == "environment")
    }
}
