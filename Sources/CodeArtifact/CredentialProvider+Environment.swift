import SigV4

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` from an injected environment.
public struct EnvironmentCredentialProvider: CredentialProvider {
    // Only the three variables are kept, inside `Credentials`, whose mirror and description redact them.
    private let value: Credentials?

    public init(environment: [String: String]) {
        if let accessKey = environment["AWS_ACCESS_KEY_ID"], !accessKey.isEmpty,
           let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty {
            let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            value = Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token)
        } else {
            value = nil
        }
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? { value }

    public var description: String { "environment" }
}
