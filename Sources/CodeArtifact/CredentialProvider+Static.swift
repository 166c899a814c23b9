import SigV4

/// Fixed credentials, for explicit keys and tests.
public struct StaticCredentialProvider: CredentialProvider {
    public let value: Credentials

    public init(_ credentials: Credentials) {
        value = credentials
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? { value }

    public var description: String { "static" }
}
