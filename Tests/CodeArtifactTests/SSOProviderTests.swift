import CodeArtifact
import Emulator
import Foundation
import JSONLines
import Model
import SigV4
import TestSupport
import Testing

/// IAM Identity Center profiles against a portal and OIDC stand-in, with the AWS CLI's token cache in a temporary HOME;
/// the role credentials the portal hands out are the only ones the emulator accepts.
@Suite struct SSOProviderTests {
    static let config = """
        [profile sso]
        sso_session = my-sso
        sso_account_id = 111122223333
        sso_role_name = CodeArtifactCleanup
        region = us-east-1

        [sso-session my-sso]
        sso_start_url = https://example.awsapps.com/start
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access

        [profile legacy]
        sso_start_url = https://example.awsapps.com/start
        sso_region = us-east-1
        sso_account_id = 111122223333
        sso_role_name = CodeArtifactCleanup
        """
    /// SHA-1 hex of the session name and of the start URL: the CLI's cache file names.
    static let sessionCache = ".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"
    static let legacyCache = ".aws/sso/cache/e8be5486177c5b5392bd9aa76563515b29358e6e.json"

    static func token(_ access: String, expiresIn seconds: TimeInterval, refresh: String? = nil) -> String {
        let expires = Timestamp(secondsSinceEpoch: (Date().timeIntervalSince1970 + seconds).rounded(.down)).iso8601Seconds
        var text = #"{"startUrl": "https://example.awsapps.com/start", "region": "us-east-1", "accessToken": "\#(access)", "expiresAt": "\#(expires)""#
        if let refresh {
            let registration = Timestamp(secondsSinceEpoch: (Date().timeIntervalSince1970 + 86_400 * 30).rounded(.down)).iso8601Seconds
            text += #", "clientId": "clientID1", "clientSecret": "clientSECRETvalue", "registrationExpiresAt": "\#(registration)", "refreshToken": "\#(refresh)""#
        }
        return text + "}"
    }

    /// The portal and OIDC in one loopback server (both endpoint variables point at it).
    final class World: @unchecked Sendable {
        let keys: KeyIssuer
        let sso: LoopbackServer
        let service: RunningEmulator
        let home: TemporaryHome

        init() async throws {
            home = try TemporaryHome(config: SSOProviderTests.config)
            service = try await CredentialTestServers.emulator(logIn: home)
            let keys = KeyIssuer(ring: service.core.accessKeys)
            self.keys = keys
            sso = try await LoopbackServer { request in
                switch (request.method, request.path) {
                case ("GET", "/federation/credentials"):
                    let query = Dictionary(QueryParameter.parse(rawQuery: request.rawQuery).map { ($0.name, $0.value) }) { a, _ in a }
                    guard ["accessTOKEN1", "accessTOKEN2"].contains(request.header("x-amz-sso_bearer_token") ?? "") else {
                        return .json(#"{"message":"Session token not found or invalid"}"#, status: 401,
                                     headers: [HeaderField("x-amzn-ErrorType", "UnauthorizedException")])
                    }
                    guard query["role_name"] == "CodeArtifactCleanup", query["account_id"] == "111122223333" else {
                        return .json(#"{"message":"No access"}"#, status: 403, headers: [HeaderField("x-amzn-ErrorType", "ForbiddenException")])
                    }
                    let issued = keys.issue(prefix: "ASIASSO", lifetime: 3_600)
                    return .json(#"{"roleCredentials":{"accessKeyId":"\#(issued.accessKeyID)","secretAccessKey":"\#(issued.secretAccessKey)","sessionToken":"\#(issued.sessionToken!)","expiration":\#(Int64(issued.expiration!.timeIntervalSince1970 * 1_000))}}"#)
                case ("POST", "/token"):
                    guard let body = try? JSONValue.parse(request.body).objectValue,
                          body["grantType"]?.stringValue == "refresh_token", body["refreshToken"]?.stringValue == "refreshTOKEN1",
                          body["clientId"]?.stringValue == "clientID1", body["clientSecret"]?.stringValue == "clientSECRETvalue"
                    else { return .json(#"{"error":"invalid_grant"}"#, status: 400) }
                    return .json(#"{"accessToken":"accessTOKEN2","expiresIn":28800,"refreshToken":"refreshTOKEN2","tokenType":"Bearer"}"#)
                default:
                    return .text("", status: 404)
                }
            }
        }

        func configuration(profile: String) throws -> ClientConfiguration {
            try ClientConfiguration.resolve(
                environment: noMetadata.merging(["HOME": home.path, "AWS_ENDPOINT_URL_SSO": sso.url,
                                                 "AWS_ENDPOINT_URL_SSO_OIDC": sso.url]) { a, _ in a },
                profile: profile, region: "us-east-1", endpointURL: service.url.absoluteString)
        }

        func stop() async throws {
            try await sso.stop()
            await service.stop()
        }
    }

    @Test func ssoSessionProfileUsesTheCachedToken() async throws {
        let world = try await World()
        try world.home.write(Self.sessionCache, Self.token("accessTOKEN1", expiresIn: 8 * 3_600, refresh: "refreshTOKEN1"))
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "sso"), service: world.service)
        #expect(signer == "ASIASSO1")
        let portal = try #require(world.sso.requests.first)
        #expect(portal.header("x-amz-sso_bearer_token") == "accessTOKEN1")
        #expect(world.sso.requests.map(\.path) == ["/federation/credentials"])
        try await world.stop()
    }

    @Test func legacyProfileUsesTheStartURLsCache() async throws {
        let world = try await World()
        try world.home.write(Self.legacyCache, Self.token("accessTOKEN1", expiresIn: 3_600))
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "legacy"), service: world.service)
        #expect(signer == "ASIASSO1")
        try await world.stop()
    }

    @Test func expiredOrMissingTokensNameTheLoginCommand() async throws {
        let world = try await World()
        await #expect(throws: CredentialsError.ssoLoginRequired(profile: "legacy", reason: "has no cached token")) {
            try await CredentialTestServers.deleteOnce(try world.configuration(profile: "legacy"), service: world.service)
        }
        try world.home.write(Self.legacyCache, Self.token("accessTOKEN1", expiresIn: -60))
        await #expect {
            try await CredentialTestServers.deleteOnce(try world.configuration(profile: "legacy"), service: world.service)
        } throws: { error in
            "\(error)".contains("expired") && "\(error)".contains("run `aws sso login --profile legacy`")
        }
        // A token the portal no longer accepts says the same.
        try world.home.write(Self.legacyCache, Self.token("revokedTOKEN", expiresIn: 3_600))
        await #expect(throws: CredentialsError.ssoLoginRequired(profile: "legacy", reason: "was refused by the portal")) {
            try await CredentialTestServers.deleteOnce(try world.configuration(profile: "legacy"), service: world.service)
        }
        #expect(world.keys.issuedCount == 0)
        try await world.stop()
    }

    @Test func aTokenNearItsEndIsRefreshedAndTheCacheRewritten() async throws {
        let world = try await World()
        let cache = try world.home.write(Self.sessionCache, Self.token("accessTOKEN1", expiresIn: 5 * 60, refresh: "refreshTOKEN1"))
        let recorder = LogRecorder()
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "sso"), service: world.service,
                                                                logger: recorder.logger)
        #expect(signer == "ASIASSO1")
        #expect(world.sso.requests.map(\.path) == ["/token", "/federation/credentials"])
        #expect(world.sso.requests.last?.header("x-amz-sso_bearer_token") == "accessTOKEN2")
        let rewritten = try #require(try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: cache)))).objectValue)
        #expect(rewritten["accessToken"]?.stringValue == "accessTOKEN2")
        #expect(rewritten["refreshToken"]?.stringValue == "refreshTOKEN2")
        #expect(rewritten["clientId"]?.stringValue == "clientID1")
        #expect(rewritten["startUrl"]?.stringValue == "https://example.awsapps.com/start")
        let expiresAt = try #require(rewritten["expiresAt"]?.stringValue.flatMap { Timestamp(iso8601: $0) })
        #expect(abs(expiresAt.secondsSinceEpoch - Date().timeIntervalSince1970 - 28_800) < 120)
        let mode = try FileManager.default.attributesOfItem(atPath: cache)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for secret in ["accessTOKEN", "refreshTOKEN", "clientSECRET", "secretTEMP", "tokenTEMP"] {
            #expect(!recorder.text.contains(secret), "leaked \(secret)")
        }
        try await world.stop()
    }
}
