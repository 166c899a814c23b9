import CodeArtifact
import Foundation
import SigV4
import TestSupport
import Testing

@Suite struct CredentialChainTests {
    static let credentialsFile = """
        [default]
        aws_access_key_id = AKIDFILEDEFAULT
        aws_secret_access_key = secret-file-default

        [dev]
        aws_access_key_id = AKIDFILEDEV
        aws_secret_access_key = secret-file-dev
        aws_session_token = token-file-dev
        """
    static let configFile = """
        [default]
        region = us-east-1
        aws_access_key_id = AKIDCONFIGDEFAULT
        aws_secret_access_key = secret-config-default

        [profile dev]
        region = us-east-1

        [profile onlyconfig]
        aws_access_key_id = AKIDCONFIGONLY
        aws_secret_access_key = secret-config-only

        [profile process]
        credential_process = PROCESS

        [profile broken]
        credential_process = sh -c 'exit 3'

        [profile assume]
        role_arn = arn:aws:iam::111122223333:role/x
        credential_source = Nowhere
        """
    static let environmentKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env"]

    func resolve(_ home: TemporaryHome, _ environment: [String: String], profile: String? = nil) async throws -> Credentials? {
        let configuration = try ClientConfiguration.resolve(
            environment: environment.merging(noMetadata) { a, _ in a }.merging(["HOME": home.path]) { a, _ in a },
            profile: profile, region: "us-east-1")
        return try await withCredentialContext { try await configuration.credentialProvider.credentials(context: $0) }
    }

    func home() throws -> TemporaryHome {
        let home = try TemporaryHome(config: Self.configFile, credentials: Self.credentialsFile)
        let script = try home.write("bin/creds", """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "secret-process", "SessionToken": "token-process", "Expiration": "2099-01-01T00:00:00Z"}'
            """, executable: true)
        let config = Self.configFile.replacingOccurrences(of: "PROCESS", with: script)
        try home.write(".aws/config", config)
        return home
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var environment: [String: String]
        var profile: String?
        var accessKeyID: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "environment beats files", environment: environmentKeys, accessKeyID: "AKIDENV"),
        Row(name: "AWS_PROFILE still loses to environment keys", environment: environmentKeys.merging(["AWS_PROFILE": "dev"]) { a, _ in a },
            accessKeyID: "AKIDENV"),
        Row(name: "--profile beats environment keys", environment: environmentKeys, profile: "dev", accessKeyID: "AKIDFILEDEV"),
        Row(name: "default profile, credentials file beats config", environment: [:], accessKeyID: "AKIDFILEDEFAULT"),
        Row(name: "AWS_PROFILE selects the profile", environment: ["AWS_PROFILE": "dev"], accessKeyID: "AKIDFILEDEV"),
        Row(name: "keys in the config file", environment: [:], profile: "onlyconfig", accessKeyID: "AKIDCONFIGONLY"),
        Row(name: "credential_process", environment: [:], profile: "process", accessKeyID: "AKIDPROCESS"),
        Row(name: "partial environment keys are ignored", environment: ["AWS_ACCESS_KEY_ID": "AKIDHALF"],
            accessKeyID: "AKIDFILEDEFAULT"),
    ]

    @Test(arguments: rows)
    func providerOrder(_ row: Row) async throws {
        let credentials = try await resolve(try home(), row.environment, profile: row.profile)
        #expect(credentials?.accessKeyID == row.accessKeyID)
    }

    @Test func sessionTokensAndExpirationsAreRead() async throws {
        let home = try home()
        let dev = try await resolve(home, [:], profile: "dev")
        #expect(dev?.sessionToken == "token-file-dev")
        let process = try await resolve(home, [:], profile: "process")
        #expect(process?.sessionToken == "token-process")
        #expect(process?.expiration == ISO8601DateFormatter().date(from: "2099-01-01T00:00:00Z"))
        let environment = try await resolve(home, Self.environmentKeys.merging(["AWS_SESSION_TOKEN": "token-env"]) { a, _ in a })
        #expect(environment?.sessionToken == "token-env")
    }

    @Test func failuresAreTypedAndSayWhatToDo() async throws {
        let home = try home()
        await #expect(throws: CredentialsError.processFailed(profile: "broken", exitStatus: 3)) {
            try await resolve(home, [:], profile: "broken")
        }
        await #expect(throws: CredentialsError.invalidProfile(
            profile: "assume", reason: "credential_source Nowhere is not Environment, Ec2InstanceMetadata or EcsContainer")) {
            try await resolve(home, [:], profile: "assume")
        }
        let empty = try TemporaryHome()
        await #expect {
            try await resolve(empty, [:])
        } throws: { error in
            guard let error = error as? CredentialsError, case let .noCredentials(tried) = error else { return false }
            return tried.first == "environment" && error.classification.scope == .run
        }
    }
}
