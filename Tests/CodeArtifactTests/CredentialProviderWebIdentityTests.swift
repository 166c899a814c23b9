import TestSupport
@testable import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `WebIdentityCredentialProvider`: what the environment configures, the STS exchange
/// against a loopback stand-in (the real STS is never contacted), and its refusals.
@Suite struct WebIdentityCredentialProviderTests {
    @Test func webIdentityAssumesTheRoleThroughSTS() async throws {
        let sts = try await LoopbackServer { request in
            let form = String(decoding: request.body, as: UTF8.self)
            guard request.method == "POST", form.contains("Action=AssumeRoleWithWebIdentity"),
                  form.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fci"),
                  form.contains("WebIdentityToken=jwt-token-value")
            else { return .text("<ErrorResponse><Error><Code>InvalidIdentityToken</Code></Error></ErrorResponse>", status: 400) }
            return .text("""
                <AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>
                <AccessKeyId>ASIASTS</AccessKeyId><SecretAccessKey>secret-sts</SecretAccessKey>
                <SessionToken>token-sts</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration>
                </Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>
                """)
        }
        defer { Task { try await sts.stop() } }
        let home = try TemporaryHome()
        let tokenFile = try home.write("token", "jwt-token-value\n")
        let environment = noMetadata.merging([
            "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/ci", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            "AWS_ENDPOINT_URL_STS": sts.url,
        ]) { a, _ in a }
        let credentials = try await withCredentialContext { try await resolvedChain(home, environment).credentials(context: $0) }
        #expect(credentials?.accessKeyID == "ASIASTS")
        #expect(credentials?.sessionToken == "token-sts")
        #expect(credentials?.expiration != nil)

        try home.write("token", "wrong-token")
        await #expect(throws: CredentialsError.refused(provider: "web identity (arn:aws:iam::111122223333:role/ci)",
                                                       httpStatus: 400, errorCode: "InvalidIdentityToken")) {
            try await withCredentialContext { try await resolvedChain(home, environment).credentials(context: $0) }
        }
    }

    @Test func theEnvironmentConfiguresRoleTokenSessionAndSTS() throws {
        #expect(try WebIdentityCredentialProvider.fromEnvironment(["AWS_ROLE_ARN": "arn"], region: "us-east-1") == nil)
        #expect(try WebIdentityCredentialProvider.fromEnvironment(["AWS_ROLE_ARN": "", "AWS_WEB_IDENTITY_TOKEN_FILE": "/t"],
                                                                  region: "us-east-1") == nil)
        let regional = try #require(try WebIdentityCredentialProvider.fromEnvironment(
            ["AWS_ROLE_ARN": "arn:r", "AWS_WEB_IDENTITY_TOKEN_FILE": "/t"], region: "eu-west-1"))
        #expect(regional.roleARN == "arn:r" && regional.tokenFile == "/t" && regional.sessionName == "cabatch")
        #expect(regional.stsEndpoint.description == "https://sts.eu-west-1.amazonaws.com")
        let china = try WebIdentityCredentialProvider.fromEnvironment(
            ["AWS_ROLE_ARN": "arn:r", "AWS_WEB_IDENTITY_TOKEN_FILE": "/t", "AWS_ROLE_SESSION_NAME": "ci-42"], region: "cn-north-1")
        #expect(china?.stsEndpoint.description == "https://sts.cn-north-1.amazonaws.com.cn")
        #expect(china?.sessionName == "ci-42")
        let general = try WebIdentityCredentialProvider.fromEnvironment(
            ["AWS_ROLE_ARN": "arn:r", "AWS_WEB_IDENTITY_TOKEN_FILE": "/t", "AWS_ENDPOINT_URL": "http://127.0.0.1:9"], region: "us-east-1")
        #expect(general?.stsEndpoint.description == "http://127.0.0.1:9")
        let specific = try WebIdentityCredentialProvider.fromEnvironment(
            ["AWS_ROLE_ARN": "arn:r", "AWS_WEB_IDENTITY_TOKEN_FILE": "/t", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
             "AWS_ENDPOINT_URL_STS": "https://sts.example.com/"], region: "us-east-1")
        #expect(specific?.stsEndpoint.description == "https://sts.example.com")
        #expect(throws: ConfigurationError.insecureEndpoint(url: "http://sts.example.com", source: "AWS_ENDPOINT_URL_STS")) {
            try WebIdentityCredentialProvider.fromEnvironment(
                ["AWS_ROLE_ARN": "arn:r", "AWS_WEB_IDENTITY_TOKEN_FILE": "/t", "AWS_ENDPOINT_URL_STS": "http://sts.example.com"],
                region: "us-east-1")
        }
    }

    @Test func anUnreadableOrEmptyTokenFileAndAnAnswerWithoutCredentials() async throws {
        let sts = try await LoopbackServer { _ in .text("<Credentials><AccessKeyId>A</AccessKeyId></Credentials>") }
        defer { Task { try await sts.stop() } }
        let home = try TemporaryHome()
        let endpoint = try Endpoint(parsing: sts.url, source: "test")
        let missing = WebIdentityCredentialProvider(roleARN: "arn:r", tokenFile: home.path + "/none", sessionName: "s", stsEndpoint: endpoint)
        await #expect(throws: CredentialsError.unreadableFile(provider: "web identity (arn:r)", path: home.path + "/none")) {
            try await withCredentialContext { try await missing.credentials(context: $0) }
        }
        let emptyFile = try home.write("empty", "  \n")
        let empty = WebIdentityCredentialProvider(roleARN: "arn:r", tokenFile: emptyFile, sessionName: "s", stsEndpoint: endpoint)
        await #expect(throws: CredentialsError.unreadableFile(provider: "web identity (arn:r)", path: emptyFile)) {
            try await withCredentialContext { try await empty.credentials(context: $0) }
        }
        let token = try home.write("token", "jwt")
        let partial = WebIdentityCredentialProvider(roleARN: "arn:r", tokenFile: token, sessionName: "s", stsEndpoint: endpoint)
        await #expect(throws: CredentialsError.malformedResponse(provider: "web identity (arn:r)")) {
            try await withCredentialContext { try await partial.credentials(context: $0) }
        }
        #expect(sts.requests.count == 1, "no request without a token")
    }
}
