import CodeArtifact
import Foundation
import SigV4
import TestSupport
import Testing

/// Pins `CredentialProcessProvider`: the document a process prints, its exit status when it
/// fails, output that is not credentials, and a process that hangs past its timeout.
@Suite(.timeLimit(.minutes(1))) struct CredentialProcessProviderTests {
    private func run(_ command: String, timeout: TimeInterval = 60) async throws -> Credentials? {
        var provider = CredentialProcessProvider(profile: "p", command: command)
        provider.timeout = timeout
        return try await withCredentialContext { try await provider.credentials(context: $0) }
    }

    @Test func readsTheDocumentItPrints() async throws {
        let credentials = try await run(#"printf '%s' '{"Version":1,"AccessKeyId":"AKIDP","SecretAccessKey":"s","SessionToken":"t"}'; echo warning >&2"#)
        #expect(credentials == Credentials(accessKeyID: "AKIDP", secretAccessKey: "s", sessionToken: "t"))
    }

    @Test func aFailedProcessIsNamedWithItsStatus() async throws {
        await #expect(throws: CredentialsError.processFailed(profile: "p", exitStatus: 7)) {
            try await run("echo '{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\"}'; exit 7")
        }
    }

    @Test func outputThatIsNotCredentialsIsMalformed() async throws {
        await #expect(throws: CredentialsError.malformedResponse(provider: "credential_process of profile p")) {
            try await run("echo 'please log in'")
        }
    }

    @Test func aHangingProcessIsNotWaitedForPastItsTimeout() async throws {
        let directory = try TemporaryDirectory("cabatch-process")
        let marker = directory.file("finished")
        // A child of the command holds its standard output and writes the marker after 5 s; the
        // provider should give up at 0.5 s, not wait for that child.
        await #expect(throws: CredentialsError.self) {
            try await run("sh -c 'sleep 5; touch \"$0\"' '\(marker)'; true", timeout: 0.5)
        }
        #expect(!FileManager.default.fileExists(atPath: marker), "the provider returned only after the command's child had finished")
    }
}
