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
                // Read until end of file or the deadline, whichever comes first: a child of the
                // command may hold standard output open long after the shell is stopped.
                let deadline = Date().addingTimeInterval(timeout)
                var output: [UInt8] = []
                var descriptor = pollfd(fd: stdout.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
                var buffer = [UInt8](repeating: 0, count: 4096)
                reading: while true {
                    let left = deadline.timeIntervalSinceNow
                    guard left > 0 else {
                        process.terminate()
                        continuation.resume(throwing: CredentialsError.processFailed(profile: profile, exitStatus: -1))
                        return
                    }
                    let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1000))
                    if ready < 0 && errno != EINTR { break reading }
                    if ready <= 0 { continue }
                    let n = buffer.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break reading }
                    output += buffer[0..<n]
                }
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, output))
            }
        }
    }

    public var description: String { "credential_process of profile \(profile)" }
}
