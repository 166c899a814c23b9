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
        let endpoint: Endpoint
        if let url = environment["AWS_ENDPOINT_URL_STS"] ?? environment["AWS_ENDPOINT_URL"] {
            endpoint = try Endpoint(parsing: url, source: "AWS_ENDPOINT_URL_STS")
        } else {
            let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
            endpoint = Endpoint(scheme: "https", host: "sts.\(region).\(suffix)", port: nil, basePath: "")
        }
        let session = environment["AWS_ROLE_SESSION_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "cabatch"
        return WebIdentityCredentialProvider(roleARN: role, tokenFile: file, sessionName: session, stsEndpoint: endpoint)
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        // Read at every refresh: the platform rotates the token file under us.
        guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty
        else { throw CredentialsError.unreadableFile(provider: description, path: tokenFile) }
        let form = [
            QueryParameter("Action", "AssumeRoleWithWebIdentity"), QueryParameter("Version", "2011-06-15"),
            QueryParameter("RoleArn", roleARN), QueryParameter("RoleSessionName", sessionName),
            QueryParameter("WebIdentityToken", token),
        ]
        let response = try await context.fetch(
            stsEndpoint.description + "/", method: .POST,
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Accept", "text/xml")],
            body: Array(QueryParameter.queryString(form).utf8), timeout: 30, provider: description)
        let xml = String(decoding: response.body, as: UTF8.self)
        guard response.isSuccess else {
            throw CredentialsError.refused(provider: description, httpStatus: response.status, errorCode: Self.element("Code", in: xml))
        }
        guard let accessKey = Self.element("AccessKeyId", in: xml), let secret = Self.element("SecretAccessKey", in: xml),
              let sessionToken = Self.element("SessionToken", in: xml),
              let expiration = Self.element("Expiration", in: xml).flatMap(ISO8601Timestamp.parse)
        else { throw CredentialsError.malformedResponse(provider: description) }
        return Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: sessionToken, expiration: expiration)
    }

    /// The text of the first `<name>` element; STS answers are small and flat enough for this.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var description: String { "web identity (\(roleARN))" }
}
