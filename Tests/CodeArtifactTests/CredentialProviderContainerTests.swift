import TestSupport
@testable import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `ContainerCredentialProvider`: which URIs the environment may configure, the
/// authorization token from a file or a variable, and a mirror that never shows the token.
@Suite struct ContainerCredentialProviderTests {
    @Test func containerCredentialsSendTheAuthorizationToken() async throws {
        let container = try await LoopbackServer { request in
            request.header("Authorization") == "container-auth-token"
                ? .json(remoteCredentialsDocument) : .json(#"{"message":"no"}"#, status: 401)
        }
        defer { Task { try await container.stop() } }
        let home = try TemporaryHome()
        let tokenFile = try home.write("auth", "container-auth-token\n")
        let fromFile = noMetadata.merging(["AWS_CONTAINER_CREDENTIALS_FULL_URI": container.url + "/v2/credentials",
                                           "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile]) { a, _ in a }
        let credentials = try await withCredentialContext { try await resolvedChain(home, fromFile).credentials(context: $0) }
        #expect(credentials?.accessKeyID == "ASIAREMOTE")
        #expect(credentials?.sessionToken == "token-remote")
        #expect(container.requests.first?.path == "/v2/credentials")

        let fromVariable = noMetadata.merging(["AWS_CONTAINER_CREDENTIALS_FULL_URI": container.url + "/v2/credentials",
                                               "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong"]) { a, _ in a }
        await #expect(throws: CredentialsError.refused(provider: "container", httpStatus: 401, errorCode: nil)) {
            try await withCredentialContext { try await resolvedChain(home, fromVariable).credentials(context: $0) }
        }

        #expect(throws: CredentialsError.forbiddenContainerHost(host: "169.254.1.1")) {
            try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.1.1/creds"])
        }
        let relative = try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/x"])
        #expect(relative?.url == "http://169.254.170.2/v2/x")
    }

    @Test func theEnvironmentsURIsAndTheHostsAllowed() throws {
        #expect(try ContainerCredentialProvider.fromEnvironment([:]) == nil)
        #expect(try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "",
                                                                 "AWS_CONTAINER_CREDENTIALS_FULL_URI": ""]) == nil)
        let both = try ContainerCredentialProvider.fromEnvironment([
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/rel", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.1/x"])
        #expect(both?.url == "http://169.254.170.2/rel", "the relative URI wins, and the full one is then not checked")
        for allowed in ["https://creds.example.com/x", "http://127.0.0.1:51679/x", "http://localhost/x", "http://169.254.170.2/x",
                        "http://169.254.170.23/v1/credentials", "http://[fd00:ec2::23]/v1/credentials", "http://[::1]/x"] {
            #expect(try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": allowed])?.url == allowed)
        }
        #expect(throws: CredentialsError.forbiddenContainerHost(host: "example.com")) {
            try ContainerCredentialProvider.fromEnvironment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/x"])
        }
    }

    @Test func theTokenIsNeverShown() throws {
        let provider = ContainerCredentialProvider(url: "http://127.0.0.1/x", tokenFile: nil, token: "super-secret-token")
        #expect(!String(reflecting: provider).contains("super-secret-token"))
        #expect(!"\(Mirror(reflecting: provider).children.map(\.value))".contains("super-secret-token"))
        #expect("\(provider)" == "container")
    }

    @Test func anUnreadableTokenFileIsNamed() async throws {
        let provider = ContainerCredentialProvider(url: "http://127.0.0.1:9/x", tokenFile: "/nonexistent/token", token: "ignored")
        await #expect(throws: CredentialsError.unreadableFile(provider: "container", path: "/nonexistent/token")) {
            try await withCredentialContext { try await provider.credentials(context: $0) }
        }
    }
}
