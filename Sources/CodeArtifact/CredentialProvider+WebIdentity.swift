import Foundation
import SigV4

/// `AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE`: exchanges the token for role credentials with STS `AssumeRoleWithWebIdentity`.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public let roleARN: String
    public let tokenFile: String
    public let sessionName: String
    /// STS: `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, else the regional endpoint.
    public let stsEndpoint: Endpoint

    public init(roleARN: String, tokenFile: String, sessionName: String, stsEndpoint: Endpoint) {
        self.roleARN = roleARN
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.stsEndpoint = stsEndpoint
    }

    /// The provider the environment configures, or `nil` when `AWS_ROLE_ARN` or the token file is unset.
    public static func fromEnvironment(_ environment: [String: String], region: String) throws -> WebIdentityCredentialProvider? {
        guard let role = environment["AWS_ROLE_ARN"], !role.isEmpty,
              let file = environment["AWS_WEB_IDENTITY_TOKEN_FILE"], !file.isEmpty
        else { return nil }
        let endpoint = try SecurityTokenService.endpoint(environment: environment, region: region)
        let session = environment["AWS_ROLE_SESSION_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "cabatch"
        return WebIdentityCredentialProvider(roleARN: role, tokenFile: file, sessionName: session, stsEndpoint: endpoint)
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        // Read at every refresh: the platform rotates the token file under us.
        guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty
        else { throw CredentialsError.unreadableFile(provider: description, path: tokenFile) }
        let form = SecurityTokenService.form(action: "AssumeRoleWithWebIdentity", [
            QueryParameter("RoleArn", roleARN), QueryParameter("RoleSessionName", sessionName),
            QueryParameter("WebIdentityToken", token),
        ])
        let response = try await context.fetch(stsEndpoint.description + "/", method: .POST,
                                               headers: SecurityTokenService.formHeaders, body: form, timeout: 30,
                                               provider: description)
        return try SecurityTokenService.credentials(from: response, provider: description)
    }

    public var description: String { "web identity (\(roleARN))" }
}
