import TestSupport
import CodeArtifact
import Foundation
import SigV4
import Testing

/// STS, container and IMDS providers against loopback stand-ins; the real addresses are never contacted.
@Suite struct RemoteCredentialProviderTests {
    static let document = """
        {"Code":"Success","AccessKeyId":"ASIAREMOTE","SecretAccessKey":"secret-remote","Token":"token-remote",
         "Expiration":"2099-01-01T00:00:00Z"}
        """

    func chain(_ home: TemporaryHome, _ environment: [String: String]) throws -> any CredentialProvider {
        try ClientConfiguration.resolve(environment: environment.merging(["HOME": home.path]) { a, _ in a },
                                        region: "us-east-1").credentialProvider
    }

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
        let credentials = try await withCredentialContext { try await chain(home, environment).credentials(context: $0) }
        #expect(credentials?.accessKeyID == "ASIASTS")
        #expect(credentials?.sessionToken == "token-sts")
        #expect(credentials?.expiration != nil)

        try home.write("token", "wrong-token")
        await #expect(throws: CredentialsError.refused(provider: "web identity (arn:aws:iam::111122223333:role/ci)",
                                                       httpStatus: 400, errorCode: "InvalidIdentityToken")) {
            try await withCredentialContext { try await chain(home, environment).credentials(context: $0) }
        }
    }

    @Test func containerCredentialsSendTheAuthorizationToken() async throws {
        let container = try await LoopbackServer { request in
            request.header("Authorization") == "container-auth-token"
                ? .json(Self.document) : .json(#"{"message":"no"}"#, status: 401)
        }
        defer { Task { try await container.stop() } }
        let home = try TemporaryHome()
        let tokenFile = try home.write("auth", "container-auth-token\n")
        let fromFile = noMetadata.merging(["AWS_CONTAINER_CREDENTIALS_FULL_URI": container.url + "/v2/credentials",
                                           "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile]) { a, _ in a }
        let credentials = try await withCredentialContext { try await chain(home, fromFile).credentials(context: $0) }
        #expect(credentials?.accessKeyID == "ASIAREMOTE")
        #expect(credentials?.sessionToken == "token-remote")
        #expect(container.requests.first?.path == "/v2/credentials")

        let fromVariable = noMetadata.merging(["AWS_CONTAINER_CREDENTIALS_FULL_URI": container.url + "/v2/credentials",
                                               "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong"]) { a, _ in a }
        await #expect(throws: CredentialsError.refused(provider: "container", httpStatus: 401, errorCode: nil)) {
            try await withCredentialContext { try await chain(home, fromVariable).credentials(context: $0) }
        }

        #expect(throws: CredentialsError.forbiddenContainerHost(host: "169.254.1.1")) {
            try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.1.1/creds"])
        }
        let relative = try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/x"])
        #expect(relative?.url == "http://169.254.170.2/v2/x")
    }

    @Test func instanceMetadataUsesASessionToken() async throws {
        let imds = try await LoopbackServer { request in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"):
                return request.header("X-aws-ec2-metadata-token-ttl-seconds") == nil ? .text("", status: 400) : .text("imds-session")
            case (_, _) where request.header("X-aws-ec2-metadata-token") != "imds-session":
                return .text("", status: 401)
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                return .text("instance-role\n")
            case ("GET", "/latest/meta-data/iam/security-credentials/instance-role"):
                return .json(Self.document)
            default:
                return .text("", status: 404)
            }
        }
        defer { Task { try await imds.stop() } }
        let home = try TemporaryHome()
        let credentials = try await withCredentialContext {
            try await chain(home, ["AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.url + "/"]).credentials(context: $0)
        }
        #expect(credentials?.accessKeyID == "ASIAREMOTE")
        #expect(imds.requests.map(\.method) == ["PUT", "GET", "GET"])
    }

    @Test func unreachableMetadataEndsTheChainQuickly() async throws {
        // A port that refuses connections at once, standing in for "not on EC2".
        let closed = try ClosedPort()
        let url = closed.url
        let home = try TemporaryHome()
        await #expect {
            try await withCredentialContext { try await chain(home, ["AWS_EC2_METADATA_SERVICE_ENDPOINT": url]).credentials(context: $0) }
        } throws: { error in
            guard case let .noCredentials(tried)? = error as? CredentialsError else { return false }
            return tried.last == "EC2 instance metadata"
        }
        #expect(InstanceMetadataCredentialProvider.fromEnvironment(noMetadata) == nil)
        withExtendedLifetime(closed) {}
    }
}
