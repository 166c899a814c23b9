import Foundation
import SigV4

/// Runs a profile's `credential_process` and reads the JSON document it prints (version 1).
public struct CredentialProcessProvider: CredentialProvider {
    public let profile: String
    let command: String
    /// A process that hangs must not hang the run.
    public var timeout: TimeInterval = 60

    public init(profile: String, command: String) {
        self.profile = profile
        self.command = command
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        let (status, output) = try await run()
        guard status == 0 else { throw CredentialsError.processFailed(profile: profile, exitStatus: status) }
        return try CredentialsDocument.decode(output, provider: description)
    }

    // The process's standard error stays the user's terminal, so prompts (MFA) reach them; it is never captured.
    private func run() async throws -> (Int32, [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardInput = FileHandle.nullDevice
        let profile = self.profile
        let timeout = self.timeout
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: CredentialsError.processFailed(profile: profile, exitStatus: -1))
                    return
                }
                let timer = DispatchWorkItem { process.terminate() }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                timer.cancel()
                continuation.resume(returning: (process.terminationStatus, Array(output)))
            }
        }
    }

    public var description: String { "credential_process of profile \(profile)" }
}
