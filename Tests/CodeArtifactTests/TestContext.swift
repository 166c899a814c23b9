import AsyncHTTPClient
import CodeArtifact
import Foundation
import Logging
import SigV4
import TestSupport

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    var wallClock: WallClock { WallClock { [self] in now } }
}

/// Log lines kept in memory, to assert on what would be printed (swift-log's own testing habit).
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    var logger: Logger {
        var logger = Logger(label: "test") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })"
                + (event.error.map { " \($0)" } ?? ""))
        }
    }
}

/// Runs `body` with a credential context whose HTTP client is shut down afterwards.
func withCredentialContext<T>(clock: WallClock = .system, logger: Logger = Logger(label: "test"),
                              _ body: (CredentialContext) async throws -> T) async throws -> T {
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    do {
        let result = try await body(CredentialContext(httpClient: client, clock: clock, logger: logger))
        try await client.shutdown()
        return result
    } catch {
        try await client.shutdown()
        throw error
    }
}

/// An environment that can never reach the real instance metadata address.
let noMetadata = ["AWS_EC2_METADATA_DISABLED": "true"]

/// The credential provider the chain resolves for `environment`, with `home` as HOME.
func resolvedChain(_ home: TemporaryHome, _ environment: [String: String]) throws -> any CredentialProvider {
    try ClientConfiguration.resolve(environment: environment.merging(["HOME": home.path]) { a, _ in a },
                                    region: "us-east-1").credentialProvider
}

/// What the container endpoint and instance metadata answer with: temporary keys.
let remoteCredentialsDocument = """
    {"Code":"Success","AccessKeyId":"ASIAREMOTE","SecretAccessKey":"secret-remote","Token":"token-remote",
     "Expiration":"2099-01-01T00:00:00Z"}
    """
