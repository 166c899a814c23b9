import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOSSL
// Hummingbird's public interface is built on ServiceLifecycle (`Application` is a `Service`).
import ServiceLifecycle

/// The emulator on the network: a Hummingbird HTTP/1.1 server on loopback around an ``EmulatorCore``.
public struct EmulatorServer: Sendable {
    public let core: EmulatorCore
    public let requestLog: RequestLog?
    private let logger: Logger

    /// - Parameter requestLog: where each request's line goes; `nil` for none.
    public init(core: EmulatorCore, requestLog: RequestLog? = nil, logger: Logger = EmulatorServer.quietLogger) {
        self.core = core
        self.requestLog = requestLog
        self.logger = logger
    }

    /// A logger that speaks only of critical failures: a stopped connection is not news, and the
    /// emulator's output must stay its own.
    public static let quietLogger = Logger(label: "cabatch.emulator") { QuietLogHandler(label: $0) }

    /// Serves until `shutdown` is triggered (or the task is cancelled); `onListening` gets the
    /// bound URL first. A triggered shutdown stops accepting, finishes the requests in flight
    /// and closes idle connections before returning.
    public func run(shutdown: EmulatorShutdown, onListening: @escaping @Sendable (URL) async -> Void) async throws {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [try application(onListening: onListening)], logger: logger))
        await shutdown.attach { await group.triggerGracefulShutdown() }
        defer { requestLog?.flush() }
        try await group.run()
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    public func runUntilSignalled(onListening: @escaping @Sendable (URL) async -> Void) async throws {
        defer { requestLog?.flush() }
        try await application(onListening: onListening).runService()
    }

    private func application(onListening: @escaping @Sendable (URL) async -> Void) throws -> some ApplicationProtocol {
        let host = core.configuration.host
        let tls = try core.configuration.tls.map { files in
            try NIOSSLContext(configuration: .makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(files.certificatePath).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: files.keyPath, format: .pem))))
        }
        let scheme = tls == nil ? "http" : "https"
        return Application(
            responder: EmulatorResponder(core: core, log: requestLog),
            server: HTTPServerBuilder { responder in EventLoopHTTP1Channel(http1: HTTP1Channel(responder: responder), tls: tls) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: core.configuration.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? core.configuration.port
                await onListening(URL(string: "\(scheme)://\(host):\(port)")!)
            },
            logger: logger)
    }
}
