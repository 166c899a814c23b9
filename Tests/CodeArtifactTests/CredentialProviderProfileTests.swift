import CodeArtifact
import Foundation
import SigV4
import TestSupport
import Testing

/// Pins `ProfileCredentialProvider`: keys from either shared file (the credentials file wins
/// key by key), a `credential_process`, settings cabatch does not support, and no credentials
/// for a profile that is absent or has none.
@Suite struct ProfileCredentialProviderTests {
    static let config = """
        [profile mixed]
        aws_access_key_id = AKIDCONFIG
        aws_secret_access_key = secret-config
        aws_session_token = token-config
        [profile regiononly]
        region = us-east-1
        [profile sso]
        sso_session = corp
        [profile ssourl]
        sso_start_url = https://example.awsapps.com/start
        [profile process]
        credential_process = echo '{"Version":1,"AccessKeyId":"AKIDPROC","SecretAccessKey":"s"}'
        [profile keysandprocess]
        aws_access_key_id = AKIDKEYS
        aws_secret_access_key = s
        credential_process = exit 1
        """
    static let credentials = """
        [mixed]
        aws_access_key_id = AKIDCREDS
        [credsonly]
        aws_access_key_id = AKIDONLY
        aws_secret_access_key = secret-only
        """

    private func resolve(_ profile: String) async throws -> Credentials? {
        let home = try TemporaryHome(config: Self.config, credentials: Self.credentials)
        let provider = ProfileCredentialProvider(profile: profile, credentialsPath: home.path + "/.aws/credentials",
                                                 configPath: home.path + "/.aws/config")
        return try await withCredentialContext { try await provider.credentials(context: $0) }
    }

    @Test func theCredentialsFileWinsKeyByKey() async throws {
        let mixed = try await resolve("mixed")
        #expect(mixed == Credentials(accessKeyID: "AKIDCREDS", secretAccessKey: "secret-config", sessionToken: "token-config"))
        #expect(try await resolve("credsonly")?.accessKeyID == "AKIDONLY")
    }

    @Test func keysComeBeforeAProcess() async throws {
        #expect(try await resolve("process")?.accessKeyID == "AKIDPROC")
        #expect(try await resolve("keysandprocess")?.accessKeyID == "AKIDKEYS")
    }

    @Test func absentOrKeylessProfilesHaveNoCredentials() async throws {
        #expect(try await resolve("nowhere") == nil)
        #expect(try await resolve("regiononly") == nil)
    }

    /// Identity Center profiles are read (`SSOProviderTests` covers them working); without their
    /// settings they are refused with a CredentialsError that names the profile, not skipped.
    @Test func incompleteIdentityCenterProfilesAreRefusedByName() async throws {
        await #expect { try await resolve("sso") } throws: { error in
            error is CredentialsError && "\(error)".contains("sso")
        }
        await #expect { try await resolve("ssourl") } throws: { error in
            error is CredentialsError && "\(error)".contains("ssourl")
        }
        #expect(ProfileCredentialProvider(profile: "x", credentialsPath: "", configPath: "").description == "profile x")
    }
}
