import Crypto
import Foundation
import JSONLines
import Model
import SigV4

/// IAM Identity Center: role credentials from the portal's `GetRoleCredentials`, with the token
/// `aws sso login` left in `~/.aws/sso/cache/`, refreshed through SSO OIDC as the AWS CLI does.
///
/// cabatch never logs in itself: a missing or expired token names the `aws sso login` command.
public struct SSOCredentialProvider: CredentialProvider {
    /// botocore refreshes a token with less than this left.
    public static let refreshWindow: TimeInterval = 15 * 60

    public let profile: String
    /// The `sso_session` name; `nil` for the legacy form (start URL in the profile), whose token cannot be refreshed.
    public let sessionName: String?
    public let startURL: String
    public let ssoRegion: String
    public let accountID: String
    public let roleName: String
    public let cacheDirectory: String
    /// `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL`, else `https://portal.sso.REGION.amazonaws.com`.
    public let portalEndpoint: Endpoint
    /// `AWS_ENDPOINT_URL_SSO_OIDC`, `AWS_ENDPOINT_URL`, else `https://oidc.REGION.amazonaws.com`.
    public let oidcEndpoint: Endpoint

    public init(profile: String, sessionName: String?, startURL: String, ssoRegion: String, accountID: String,
                roleName: String, cacheDirectory: String, environment: [String: String]) throws {
        self.profile = profile
        self.sessionName = sessionName
        self.startURL = startURL
        self.ssoRegion = ssoRegion
        self.accountID = accountID
        self.roleName = roleName
        self.cacheDirectory = cacheDirectory
        let suffix = ssoRegion.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        portalEndpoint = try Self.endpoint(environment, "AWS_ENDPOINT_URL_SSO",
                                           default: "portal.sso.\(ssoRegion).\(suffix)")
        oidcEndpoint = try Self.endpoint(environment, "AWS_ENDPOINT_URL_SSO_OIDC", default: "oidc.\(ssoRegion).\(suffix)")
    }

    private static func endpoint(_ environment: [String: String], _ variable: String, default host: String) throws -> Endpoint {
        for name in [variable, "AWS_ENDPOINT_URL"] {
            if let url = environment[name], !url.isEmpty { return try Endpoint(parsing: url, source: name) }
        }
        return Endpoint(scheme: "https", host: host, port: nil, basePath: "")
    }

    /// The CLI's cache file: the SHA-1 hex of the session name (or of the start URL for the legacy form) + `.json`.
    public var cachePath: String {
        let digest = Insecure.SHA1.hash(data: Array((sessionName ?? startURL).utf8))
        return cacheDirectory + "/" + digest.map { String(format: "%02x", $0) }.joined() + ".json"
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        let token = try await accessToken(context: context)
        let query = QueryParameter.queryString([QueryParameter("role_name", roleName), QueryParameter("account_id", accountID)])
        let response = try await context.fetch(
            "\(portalEndpoint)/federation/credentials?" + query,
            headers: [("x-amz-sso_bearer_token", token.accessToken), ("Accept", "application/json")],
            timeout: 30, provider: description)
        if response.status == 401 || response.status == 403 {
            throw CredentialsError.ssoLoginRequired(profile: profile, reason: "was refused by the portal")
        }
        guard response.isSuccess else {
            throw CredentialsError.refused(provider: description, httpStatus: response.status,
                                           errorCode: response.header("x-amzn-ErrorType"))
        }
        guard let object = try? ResponseBody.object(response.body), let role = object["roleCredentials"]?.objectValue,
              let accessKey = role["accessKeyId"]?.stringValue, let secret = role["secretAccessKey"]?.stringValue,
              let sessionToken = role["sessionToken"]?.stringValue, let milliseconds = role["expiration"]?.doubleValue
        else { throw CredentialsError.malformedResponse(provider: description) }
        return Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: sessionToken,
                           expiration: Date(timeIntervalSince1970: milliseconds / 1_000))
    }

    /// The cached token, refreshed first when it has less than `refreshWindow` left and can be.
    func accessToken(context: CredentialContext) async throws -> CachedToken {
        guard let bytes = FileManager.default.contents(atPath: cachePath),
              let token = try? CachedToken(Array(bytes))
        else { throw CredentialsError.ssoLoginRequired(profile: profile, reason: "has no cached token") }
        let now = context.clock.now()
        if token.expiresAt.timeIntervalSince(now) > Self.refreshWindow { return token }
        if sessionName != nil, token.canRefresh(at: now) {
            do {
                return try await refresh(token, context: context)
            } catch {
                // The old token may still do; if not, the login message below says what to run.
                context.logger.warning("IAM Identity Center token refresh failed", metadata: ["error": "\(error)"])
            }
        }
        if token.expiresAt > now { return token }
        throw CredentialsError.ssoLoginRequired(profile: profile, reason: "has expired")
    }

    /// SSO OIDC `CreateToken` with the refresh token; the new token replaces the cache file, as the CLI does.
    private func refresh(_ token: CachedToken, context: CredentialContext) async throws -> CachedToken {
        var body = JSONWriter()
        body.beginObject()
        body.member("clientId", token.clientID ?? "")
        body.member("clientSecret", token.clientSecret ?? "")
        body.member("grantType", "refresh_token")
        body.member("refreshToken", token.refreshToken ?? "")
        body.endObject()
        let provider = "IAM Identity Center OIDC"
        let response = try await context.fetch("\(oidcEndpoint)/token", method: .POST,
                                               headers: [("Content-Type", "application/json")], body: body.bytes,
                                               timeout: 30, provider: provider)
        guard response.isSuccess else {
            throw CredentialsError.refused(provider: provider, httpStatus: response.status,
                                           errorCode: response.header("x-amzn-ErrorType"))
        }
        guard let object = try? ResponseBody.object(response.body), let accessToken = object["accessToken"]?.stringValue,
              let expiresIn = object["expiresIn"]?.doubleValue
        else { throw CredentialsError.malformedResponse(provider: provider) }
        var fresh = token
        fresh.accessToken = accessToken
        fresh.expiresAt = context.clock.now().addingTimeInterval(expiresIn)
        if let refreshToken = object["refreshToken"]?.stringValue { fresh.refreshToken = refreshToken }
        do {
            let file = try AtomicFile(path: cachePath)
            // The file holds a bearer token: readable by its owner only, as the CLI leaves it.
            chmod(file.partialPath, 0o600)
            try file.write(fresh.document())
            try file.commit()
        } catch {
            context.logger.warning("could not rewrite the IAM Identity Center token cache", metadata: ["error": "\(error)"])
        }
        return fresh
    }

    public var description: String { "IAM Identity Center (profile \(profile))" }
}

/// A token file of `~/.aws/sso/cache/`; its description never shows the tokens or the client secret.
struct CachedToken: CustomStringConvertible, CustomReflectable {
    var members: JSONObject
    var accessToken: String
    var expiresAt: Date
    var refreshToken: String?
    var clientID: String?
    var clientSecret: String?
    var registrationExpiresAt: Date?

    init(_ bytes: [UInt8]) throws {
        guard let object = try ResponseBody.object(bytes), let token = object["accessToken"]?.stringValue,
              let expiresAt = object["expiresAt"]?.stringValue.flatMap(ISO8601Timestamp.parse)
        else { throw ResponseBody.Failure("not a token") }
        members = object
        accessToken = token
        self.expiresAt = expiresAt
        refreshToken = object["refreshToken"]?.stringValue
        clientID = object["clientId"]?.stringValue
        clientSecret = object["clientSecret"]?.stringValue
        registrationExpiresAt = object["registrationExpiresAt"]?.stringValue.flatMap(ISO8601Timestamp.parse)
    }

    /// A refresh needs the refresh token and a client registration that has not expired.
    func canRefresh(at now: Date) -> Bool {
        guard refreshToken != nil, clientID != nil, clientSecret != nil else { return false }
        return registrationExpiresAt.map { $0 > now } ?? true
    }

    /// The file again, the changed members replaced and every other member kept as it was.
    func document() -> [UInt8] {
        let expires = Timestamp(secondsSinceEpoch: expiresAt.timeIntervalSince1970.rounded(.down)).iso8601Seconds
        var replaced: [String: String] = ["accessToken": accessToken, "expiresAt": expires]
        if let refreshToken { replaced["refreshToken"] = refreshToken }
        var writer = JSONWriter()
        writer.beginObject()
        for (name, value) in members.members {
            writer.key(name)
            if let text = replaced.removeValue(forKey: name) { writer.string(text) } else { writer.value(value) }
        }
        for (name, text) in replaced.sorted(by: { $0.key < $1.key }) { writer.member(name, text) }
        writer.endObject()
        return writer.bytes
    }

    var description: String { "CachedToken(expiresAt: \(expiresAt), tokens: <redacted>)" }
    var customMirror: Mirror { Mirror(self, children: ["expiresAt": expiresAt]) }
}
