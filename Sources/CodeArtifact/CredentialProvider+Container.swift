import Foundation
import SigV4

/// ECS/EKS container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `..._FULL_URI`,
/// authorized by `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialProvider: CredentialProvider, CustomReflectable {
    /// Where relative URIs are resolved, as in every AWS SDK.
    public static let relativeBase = "http://169.254.170.2"

    public let url: String
    let tokenFile: String?
    let token: String?
    public var timeout: TimeInterval = 5

    public init(url: String, tokenFile: String?, token: String?) {
        self.url = url
        self.tokenFile = tokenFile
        self.token = token
    }

    /// The provider the environment configures, or `nil` when neither URI variable is set.
    public static func fromEnvironment(_ environment: [String: String]) throws -> ContainerCredentialProvider? {
        let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            return ContainerCredentialProvider(url: relativeBase + relative, tokenFile: tokenFile, token: token)
        }
        guard let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty else { return nil }
        let components = URLComponents(string: full)
        let host = components?.host ?? ""
        // Credentials must not travel in clear text to anything but the local agent.
        let allowed = components?.scheme == "https" || Endpoint.isLoopback(host)
            || ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]"].contains(host)
        guard allowed else { throw CredentialsError.forbiddenContainerHost(host: host) }
        return ContainerCredentialProvider(url: full, tokenFile: tokenFile, token: token)
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        var headers: [(String, String)] = [("Accept", "application/json")]
        if let tokenFile {
            guard let value = try? String(contentsOfFile: tokenFile, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines) else {
                throw CredentialsError.unreadableFile(provider: description, path: tokenFile)
            }
            headers.append(("Authorization", value))
        } else if let token {
            headers.append(("Authorization", token))
        }
        let response = try await context.fetch(url, headers: headers, timeout: timeout, provider: description, direct: true)
        guard response.isSuccess else {
            throw CredentialsError.refused(provider: description, httpStatus: response.status, errorCode: nil)
        }
        return try CredentialsDocument.decode(response.body, provider: description)
    }

    public var description: String { "container" }

    public var customMirror: Mirror {
        Mirror(self, children: ["url": url, "tokenFile": tokenFile as Any, "token": token == nil ? "nil" : "<redacted>"])
    }
}
