import TestSupport
@testable import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `InstanceMetadataCredentialProvider`: IMDSv2 (a session token first) against a
/// loopback stand-in, "not on EC2" as no credentials, and what the environment configures.
@Suite struct InstanceMetadataCredentialProviderTests {
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
                return .json(remoteCredentialsDocument)
            default:
                return .text("", status: 404)
            }
        }
        defer { Task { try await imds.stop() } }
        let home = try TemporaryHome()
        let credentials = try await withCredentialContext {
            try await resolvedChain(home, ["AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.url + "/"]).credentials(context: $0)
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
            try await withCredentialContext { try await resolvedChain(home, ["AWS_EC2_METADATA_SERVICE_ENDPOINT": url]).credentials(context: $0) }
        } throws: { error in
            guard case let .noCredentials(tried)? = error as? CredentialsError else { return false }
            return tried.last == "EC2 instance metadata"
        }
        #expect(InstanceMetadataCredentialProvider.fromEnvironment(noMetadata) == nil)
        withExtendedLifetime(closed) {}
    }

    @Test func theEnvironmentConfiguresOrDisablesIt() {
        #expect(InstanceMetadataCredentialProvider.fromEnvironment([:])?.endpoint == "http://169.254.169.254")
        #expect(InstanceMetadataCredentialProvider.fromEnvironment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": ""])?.endpoint
            == "http://169.254.169.254")
        #expect(InstanceMetadataCredentialProvider.fromEnvironment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://[fd00:ec2::254]//"])?.endpoint
            == "http://[fd00:ec2::254]")
        #expect(InstanceMetadataCredentialProvider.fromEnvironment(["AWS_EC2_METADATA_DISABLED": "TRUE"]) == nil)
        #expect(InstanceMetadataCredentialProvider.fromEnvironment(["AWS_EC2_METADATA_DISABLED": "false"]) != nil)
    }

    @Test func noInstanceProfileIsNoCredentialsAndARefusedTokenIsAnError() async throws {
        let noRole = try await LoopbackServer { request in
            request.method == "PUT" ? .text("session") : .text("", status: 404)
        }
        defer { Task { try await noRole.stop() } }
        let none = try await withCredentialContext {
            try await InstanceMetadataCredentialProvider(endpoint: noRole.url).credentials(context: $0)
        }
        #expect(none == nil)
        let refusing = try await LoopbackServer { _ in .text("", status: 403) }
        defer { Task { try await refusing.stop() } }
        await #expect(throws: CredentialsError.refused(provider: "EC2 instance metadata", httpStatus: 403, errorCode: nil)) {
            try await withCredentialContext { try await InstanceMetadataCredentialProvider(endpoint: refusing.url).credentials(context: $0) }
        }
    }
}
