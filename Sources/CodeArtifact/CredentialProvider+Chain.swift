import SigV4

/// Tries providers in order and returns the first credentials found, as the AWS CLI does.
public struct ChainCredentialProvider: CredentialProvider {
    public let providers: [any CredentialProvider]

    public init(_ providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// The first configured provider's credentials; throws `noCredentials` when none is configured.
    public func credentials(context: CredentialContext) async throws -> Credentials? {
        for provider in providers {
            if let credentials = try await provider.credentials(context: context) {
                context.logger.debug("using credentials", metadata: ["source": "\(provider)"])
                return credentials
            }
        }
        throw CredentialsError.noCredentials(tried: providers.map(\.description))
    }

    public var description: String { "chain(" + providers.map(\.description).joined(separator: ", ") + ")" }
}
