import SigV4

/// A profile of the shared `credentials` and `config` files: static keys or a `credential_process`.
public struct ProfileCredentialProvider: CredentialProvider {
    public let profile: String
    public let credentialsPath: String
    public let configPath: String

    public init(profile: String, credentialsPath: String, configPath: String) {
        self.profile = profile
        self.credentialsPath = credentialsPath
        self.configPath = configPath
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        let config = SharedConfigFile.load(path: configPath, isConfig: true).profiles[profile]
        let keys = SharedConfigFile.load(path: credentialsPath, isConfig: false).profiles[profile]
        guard config != nil || keys != nil else { return nil }
        // The credentials file wins over the config file, key by key, as in the AWS CLI.
        let settings = (config ?? [:]).merging(keys ?? [:]) { _, fromCredentials in fromCredentials }
        if let accessKey = settings["aws_access_key_id"], !accessKey.isEmpty,
           let secret = settings["aws_secret_access_key"], !secret.isEmpty {
            let token = settings["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
            return Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token)
        }
        if let command = settings["credential_process"], !command.isEmpty {
            return try await CredentialProcessProvider(profile: profile, command: command).credentials(context: context)
        }
        for setting in ["role_arn", "sso_session", "sso_start_url"] where settings[setting] != nil {
            throw CredentialsError.unsupported(profile: profile, setting: setting)
        }
        return nil
    }

    public var description: String { "profile \(profile)" }
}
