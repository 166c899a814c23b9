import Foundation
import SigV4

/// EC2 instance role credentials through IMDSv2 (session token first), the chain's last resort.
///
/// Timeouts are short and an unreachable endpoint means "not on EC2" (`nil`), so that a laptop
/// without credentials fails in about a second instead of hanging.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    public static let defaultEndpoint = "http://169.254.169.254"

    public let endpoint: String
    public var timeout: TimeInterval = 1

    public init(endpoint: String = Self.defaultEndpoint) {
        var trimmed = endpoint
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.endpoint = trimmed
    }

    /// The provider the environment configures (`AWS_EC2_METADATA_SERVICE_ENDPOINT`, and
    /// `AWS_METADATA_SERVICE_TIMEOUT` in seconds, as botocore reads them), or `nil` when
    /// `AWS_EC2_METADATA_DISABLED` is `true`.
    public static func fromEnvironment(_ environment: [String: String]) -> InstanceMetadataCredentialProvider? {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { return nil }
        let endpoint = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        var provider = InstanceMetadataCredentialProvider(endpoint: endpoint ?? defaultEndpoint)
        if let text = environment["AWS_METADATA_SERVICE_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 {
            provider.timeout = seconds
        }
        return provider
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        let token: ServiceResponse
        do {
            token = try await context.fetch(endpoint + "/latest/api/token", method: .PUT,
                                            headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
                                            timeout: timeout, provider: description, direct: true)
        } catch CredentialsError.unreachable {
            return nil
        }
        guard token.isSuccess else {
            throw CredentialsError.refused(provider: description, httpStatus: token.status, errorCode: nil)
        }
        let session = [("X-aws-ec2-metadata-token", String(decoding: token.body, as: UTF8.self))]
        let base = endpoint + "/latest/meta-data/iam/security-credentials/"
        let roles = try await context.fetch(base, headers: session, timeout: timeout, provider: description, direct: true)
        // No instance profile attached.
        if roles.status == 404 { return nil }
        guard roles.isSuccess, let role = String(decoding: roles.body, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty
        else { throw CredentialsError.refused(provider: description, httpStatus: roles.status, errorCode: nil) }
        let document = try await context.fetch(base + URIEncoding.encode(role), headers: session, timeout: timeout,
                                               provider: description, direct: true)
        guard document.isSuccess else {
            throw CredentialsError.refused(provider: description, httpStatus: document.status, errorCode: nil)
        }
        return try CredentialsDocument.decode(document.body, provider: description)
    }

    public var description: String { "EC2 instance metadata" }
}
