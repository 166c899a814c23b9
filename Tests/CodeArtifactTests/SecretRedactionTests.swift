import Model
import CodeArtifact
import Foundation
import SigV4
import TestSupport
import Testing

/// No secret reaches a description, a mirror (`dump`), an error message or a log line.
@Suite struct SecretRedactionTests {
    static let secrets = [
        "secretFROMenvironment0000000000000000000", "tokenFROMenvironment", "secretFROMprocess", "tokenFROMprocess",
        "jwtWEBidentityTOKEN", "containerAUTHtoken", "secretFROMcontainer", "tokenFROMcontainer",
    ]

    func everything(_ values: Any...) -> String {
        values.map { value in
            var dumped = ""
            dump(value, to: &dumped)
            return "\(value)\n\(String(reflecting: value))\n\(dumped)"
        }.joined(separator: "\n")
    }

    func assertClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in Self.secrets {
            #expect(!text.contains(secret), "leaked \(secret.prefix(6))…", sourceLocation: sourceLocation)
        }
    }

    @Test func configurationCredentialsAndSignersAreRedacted() async throws {
        let home = try TemporaryHome()
        try home.write("bin/creds", """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "secretFROMprocess", "SessionToken": "tokenFROMprocess"}'
            """, executable: true)
        try home.write(".aws/config", "[profile p]\nregion = us-east-1\ncredential_process = \(home.path)/bin/creds\n")
        let environment = noMetadata.merging([
            "HOME": home.path, "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": Self.secrets[0],
            "AWS_SESSION_TOKEN": Self.secrets[1], "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "containerAUTHtoken",
        ]) { a, _ in a }
        let recorder = LogRecorder()
        let fromEnvironment = try ClientConfiguration.resolve(environment: environment, region: "us-east-1")
        let fromProcess = try ClientConfiguration.resolve(environment: environment, profile: "p")
        let (first, second) = try await withCredentialContext(logger: recorder.logger) { context in
            (try await fromEnvironment.credentialProvider.credentials(context: context),
             try await fromProcess.credentialProvider.credentials(context: context))
        }
        #expect(first?.secretAccessKey == Self.secrets[0])
        #expect(second?.secretAccessKey == "secretFROMprocess")
        let signer = SigV4Signer(credentials: try #require(second), region: "us-east-1", service: "codeartifact")
        _ = signer.sign(SigningRequest(method: "POST", path: "/"))
        assertClean(everything(fromEnvironment, fromProcess, first as Any, second as Any, signer,
                               fromEnvironment.credentialProvider, try ContainerCredentialProvider.fromEnvironment(environment) as Any))
        assertClean(recorder.text)
    }

    @Test func errorsAndLogsOfFailingSourcesAreRedacted() async throws {
        let server = try await LoopbackServer { request in
            // Echo what was sent, as a careless endpoint might.
            .text("<Error><Code>Denied</Code><Message>\(String(decoding: request.body, as: UTF8.self)) "
                + "\(request.header("Authorization") ?? "")</Message></Error>", status: 403)
        }
        defer { Task { try await server.stop() } }
        let home = try TemporaryHome()
        let tokenFile = try home.write("jwt", "jwtWEBidentityTOKEN")
        let webIdentity = noMetadata.merging(["HOME": home.path, "AWS_ROLE_ARN": "arn:aws:iam::1:role/r",
                                              "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ENDPOINT_URL_STS": server.url]) { a, _ in a }
        let container = noMetadata.merging(["HOME": home.path, "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url,
                                            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "containerAUTHtoken"]) { a, _ in a }
        let recorder = LogRecorder()
        var errors: [any Error] = []
        for environment in [webIdentity, container] {
            let configuration = try ClientConfiguration.resolve(environment: environment, region: "us-east-1")
            do {
                _ = try await withCredentialContext(logger: recorder.logger) {
                    try await configuration.credentialProvider.credentials(context: $0)
                }
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.count == 2)
        let client = try CodeArtifactClientTests.client(server, credentials: Credentials(
            accessKeyID: "AKIDX", secretAccessKey: Self.secrets[0], sessionToken: Self.secrets[1]), logger: recorder)
        do {
            _ = try await client.send(DeletePackageVersions(
                package: PackageKey(domain: "d", repository: "r", format: .npm, package: "p"), versions: ["1"]))
        } catch {
            errors.append(error)
        }
        try await client.shutdown()
        #expect(errors.count == 3)
        assertClean(everything(errors) + errors.map { "\($0)" }.joined())
        assertClean(recorder.text)
    }
}
