import TestSupport
@testable import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `CredentialContext.fetch` (the whole answer of a credential endpoint, or `unreachable`
/// naming the provider) and `StaticCredentialProvider`.
@Suite struct CredentialProviderTests {
    @Test func fetchReturnsTheWholeAnswer() async throws {
        let server = try await LoopbackServer { request in
            .json(#"{"method":"\#(request.method)","auth":"\#(request.header("Authorization") ?? "")"}"#, status: 201,
                  headers: [HeaderField("x-amzn-RequestId", "r1")])
        }
        defer { Task { try await server.stop() } }
        let response = try await withCredentialContext {
            try await $0.fetch(server.url + "/creds", method: .PUT, headers: [("Authorization", "tok")], timeout: 5, provider: "test")
        }
        #expect(response.status == 201)
        #expect(response.requestID == "r1")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"method":"PUT","auth":"tok"}"#)
        #expect(server.requests.first?.path == "/creds")
    }

    @Test func anEndpointThatIsNotThereIsUnreachable() async throws {
        let closed = try ClosedPort()
        let url = closed.url
        await #expect(throws: CredentialsError.unreachable(provider: "container", reason: "connection_refused")) {
            try await withCredentialContext { try await $0.fetch(url, timeout: 5, provider: "container") }
        }
        withExtendedLifetime(closed) {}
    }

    @Test func staticCredentialsAreHandedOutAsGiven() async throws {
        let value = Credentials(accessKeyID: "AKID", secretAccessKey: "s", sessionToken: "t")
        let provider = StaticCredentialProvider(value)
        #expect(try await withCredentialContext { try await provider.credentials(context: $0) } == value)
        #expect(provider.description == "static")
    }
}
