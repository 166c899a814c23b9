import Foundation
import SigV4

/// A profile of the shared `credentials` and `config` files, read as the AWS CLI reads it: an
/// assumed role (`role_arn` with `source_profile` or `credential_source`), IAM Identity Center
/// (`sso_session` or the legacy `sso_start_url`), static keys, or a `credential_process`.
public struct ProfileCredentialProvider: CredentialProvider, CustomReflectable {
    public let profile: String
    public let credentialsPath: String
    public let configPath: String
    /// Where `credential_source` and the STS and SSO endpoint overrides are read.
    let environment: [String: String]
    /// The region STS is called in.
    let region: String
    /// `~/.aws/sso/cache`, where `aws sso login` leaves its tokens.
    let ssoCacheDirectory: String
    let prompt: TerminalPrompt
    /// The profiles whose `source_profile` led here, to refuse cycles.
    let parents: [String]

    public init(profile: String, credentialsPath: String, configPath: String, environment: [String: String] = [:],
                region: String = "us-east-1", ssoCacheDirectory: String? = nil, prompt: TerminalPrompt = .standard) {
        self.init(profile: profile, credentialsPath: credentialsPath, configPath: configPath, environment: environment,
                  region: region,
                  ssoCacheDirectory: ssoCacheDirectory
                      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.aws/sso/cache",
                  prompt: prompt, parents: [])
    }

    /// The environment holds keys (for `credential_source = Environment`): never shown.
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": profile, "credentialsPath": credentialsPath, "configPath": configPath, "region": region,
                                "ssoCacheDirectory": ssoCacheDirectory, "parents": parents])
    }

    private init(profile: String, credentialsPath: String, configPath: String, environment: [String: String], region: String,
                 ssoCacheDirectory: String, prompt: TerminalPrompt, parents: [String]) {
        self.profile = profile
        self.credentialsPath = credentialsPath
        self.configPath = configPath
        self.environment = environment
        self.region = region
        self.ssoCacheDirectory = ssoCacheDirectory
        self.prompt = prompt
        self.parents = parents
    }

    /// The profile's settings, the credentials file winning over the config file key by key, as in
    /// the AWS CLI; `nil` when neither file has the profile.
    public static func settings(profile: String, credentialsPath: String, configPath: String) -> [String: String]? {
        let config = SharedConfigFile.load(path: configPath, isConfig: true).profiles[profile]
        let keys = SharedConfigFile.load(path: credentialsPath, isConfig: false).profiles[profile]
        guard config != nil || keys != nil else { return nil }
        return (config ?? [:]).merging(keys ?? [:]) { _, fromCredentials in fromCredentials }
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        guard let provider = try resolve() else {
            // A profile named as a source must give credentials; the selected one may leave it to the chain.
            if let parent = parents.last {
                throw CredentialsError.invalidProfile(profile: parent, reason: "its source_profile \(profile) has no credentials")
            }
            return nil
        }
        return try await provider.credentials(context: context)
    }

    /// The provider the profile's settings describe, in botocore's order: role, SSO, keys, process.
    func resolve() throws -> (any CredentialProvider)? {
        guard let settings = Self.settings(profile: profile, credentialsPath: credentialsPath, configPath: configPath) else {
            if let parent = parents.last {
                throw CredentialsError.invalidProfile(profile: parent, reason: "its source_profile \(profile) does not exist")
            }
            return nil
        }
        let value = { (key: String) -> String? in settings[key].flatMap { $0.isEmpty ? nil : $0 } }
        var keys: Credentials?
        if let accessKey = value("aws_access_key_id"), let secret = value("aws_secret_access_key") {
            keys = Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: value("aws_session_token"))
        }
        // A profile that is its own source_profile means "my keys sign the AssumeRole" (botocore).
        let isOwnSource = parents.last == profile
        if let roleARN = value("role_arn"), !isOwnSource {
            return AssumeRoleCredentialProvider(
                profile: profile, roleARN: roleARN, sessionName: value("role_session_name"), externalID: value("external_id"),
                durationSeconds: try value("duration_seconds").map { text in
                    guard let seconds = Int(text), seconds > 0 else {
                        throw CredentialsError.invalidProfile(profile: profile, reason: "duration_seconds \(text) is not a number of seconds")
                    }
                    return seconds
                },
                mfaSerial: value("mfa_serial"), source: try roleSource(value), region: region,
                stsEndpoint: try SecurityTokenService.endpoint(environment: environment, region: region), prompt: prompt)
        }
        if let sso = try ssoProvider(value) { return sso }
        if let keys { return StaticCredentialProvider(keys) }
        if let command = value("credential_process") { return CredentialProcessProvider(profile: profile, command: command) }
        return nil
    }

    /// `source_profile` (resolved recursively, cycles refused) or `credential_source`, exactly one of them.
    private func roleSource(_ value: (String) -> String?) throws -> any CredentialProvider {
        switch (value("source_profile"), value("credential_source")) {
        case (nil, nil):
            throw CredentialsError.invalidProfile(profile: profile, reason: "role_arn needs source_profile or credential_source")
        case (.some, .some):
            throw CredentialsError.invalidProfile(profile: profile, reason: "it sets both source_profile and credential_source")
        case let (source?, nil):
            if source != profile, parents.contains(source) {
                throw CredentialsError.invalidProfile(
                    profile: profile, reason: "source_profile forms a cycle (\((parents + [profile, source]).joined(separator: " → ")))")
            }
            return ProfileCredentialProvider(profile: source, credentialsPath: credentialsPath, configPath: configPath,
                                             environment: environment, region: region, ssoCacheDirectory: ssoCacheDirectory,
                                             prompt: prompt, parents: parents + [profile])
        case let (nil, source?):
            switch source {
            case "Environment":
                return EnvironmentCredentialProvider(environment: environment)
            case "Ec2InstanceMetadata":
                return InstanceMetadataCredentialProvider.fromEnvironment(environment) ?? InstanceMetadataCredentialProvider()
            case "EcsContainer":
                guard let container = try ContainerCredentialProvider.fromEnvironment(environment) else {
                    throw CredentialsError.invalidProfile(
                        profile: profile, reason: "credential_source EcsContainer needs AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI")
                }
                return container
            default:
                throw CredentialsError.invalidProfile(
                    profile: profile, reason: "credential_source \(source) is not Environment, Ec2InstanceMetadata or EcsContainer")
            }
        }
    }

    /// An `sso_session` profile (the session's section holds the start URL and region) or the legacy form.
    private func ssoProvider(_ value: (String) -> String?) throws -> SSOCredentialProvider? {
        let startURL: String?
        let ssoRegion: String?
        let sessionName = value("sso_session")
        if let sessionName {
            guard let session = SharedConfigFile.load(path: configPath, isConfig: true).ssoSessions[sessionName] else {
                throw CredentialsError.invalidProfile(profile: profile, reason: "its sso_session \(sessionName) has no [sso-session \(sessionName)] section")
            }
            startURL = session["sso_start_url"].flatMap { $0.isEmpty ? nil : $0 }
            ssoRegion = session["sso_region"].flatMap { $0.isEmpty ? nil : $0 }
        } else if let legacy = value("sso_start_url") {
            startURL = legacy
            ssoRegion = value("sso_region")
        } else {
            return nil
        }
        let missing = [("sso_start_url", startURL), ("sso_region", ssoRegion), ("sso_account_id", value("sso_account_id")),
                       ("sso_role_name", value("sso_role_name"))].filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty, let startURL, let ssoRegion, let accountID = value("sso_account_id"),
              let roleName = value("sso_role_name")
        else {
            throw CredentialsError.invalidProfile(profile: profile, reason: "IAM Identity Center needs " + missing.joined(separator: ", "))
        }
        return try SSOCredentialProvider(profile: profile, sessionName: sessionName, startURL: startURL, ssoRegion: ssoRegion,
                                         accountID: accountID, roleName: roleName, cacheDirectory: ssoCacheDirectory,
                                         environment: environment)
    }

    public var description: String { "profile \(profile)" }
}
