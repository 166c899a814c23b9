import AsyncHTTPClient
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import SigV4

/// Sends signed CodeArtifact requests over one pooled HTTP client; call `shutdown()` when done.
public final class CodeArtifactClient: Sendable {
    /// The signing name from the service model.
    public static let signingName = "codeartifact"

    public let configuration: ClientConfiguration
    public let userAgent: String
    /// The route to the endpoint (through its proxy, or direct).
    private let httpClient: HTTPClient
    /// Every route: credential endpoints may take another one than the service.
    private let transport: HTTPTransport
    private let clock: WallClock
    private let keyCache = SigningKeyCache()
    private let logger: Logger
    /// The configuration's provider behind the one cache, which hands out fresh credentials
    /// without waiting (see `send(_:completion:)`).
    private let credentialCache: RefreshingCredentialProvider

    /// - Parameters:
    ///   - userAgent: `cabatch/<version>`, given by the caller that knows the version.
    ///   - concurrency: the run's in-flight request limit; the connection pool holds as many connections.
    ///   - readTimeout: how long to wait for an answer; a batch delete of 100 versions takes seconds, not minutes.
    public init(configuration: ClientConfiguration, userAgent: String, concurrency: Int,
                connectTimeout: TimeInterval = 10, readTimeout: TimeInterval = 60,
                clock: WallClock = .system, logger: Logger = Logger(label: "cabatch.codeartifact")) {
        self.configuration = configuration
        self.userAgent = userAgent
        self.clock = clock
        self.logger = logger
        credentialCache = configuration.credentialProvider as? RefreshingCredentialProvider
            ?? RefreshingCredentialProvider(configuration.credentialProvider)
        // TLS trusts the system's certificate store, or only the configured CA bundle.
        var http = HTTPClient.Configuration(
            timeout: .init(connect: .milliseconds(Int64(connectTimeout * 1_000)),
                           read: .milliseconds(Int64(readTimeout * 1_000))))
        http.connectionPool = .init(idleTimeout: .seconds(60),
                                    concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, concurrency))
        http.decompression = .disabled
        // Retries are the executor's decision, with its own backoff and journal.
        http.httpVersion = .http1Only
        if let bundle = configuration.trustRoots { http.tlsConfiguration = bundle.tlsConfiguration }
        transport = HTTPTransport(configuration: http, proxy: configuration.proxy, logger: logger)
        let endpoint = configuration.endpoint
        httpClient = transport.client(scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port)
    }

    /// Sends `operation` and decodes its answer; throws `ServiceError`, `TransportError`,
    /// `CredentialsError` or `ResponseDecodingError`, all `ClassifiedError`s.
    public func send<Operation: CodeArtifactOperation>(_ operation: Operation) async throws -> Operation.Output {
        let response = try await execute(try signedRequest(for: operation))
        guard response.isSuccess else { throw ServiceError.decode(response) }
        return try Operation.decode(response)
    }

    /// Sends `operation` and calls `completion` once, on an event loop thread, with its output or
    /// one of the errors `send(_:)` throws. While the last credentials are fresh, signing,
    /// sending and decoding stay on the caller's thread and the event loop: the executor sends
    /// every request of a run through here, and each hop between threads costs CPU.
    public func send<Operation: CodeArtifactOperation>(
        _ operation: Operation, completion: @escaping @Sendable (Result<Operation.Output, any Error>) -> Void
    ) {
        guard let credentials = credentialCache.cached(at: clock.now()) else {
            Task {
                do {
                    _ = try await self.credentials()
                } catch {
                    completion(.failure(error))
                    return
                }
                self.send(operation, completion: completion)
            }
            return
        }
        let request: HTTPClient.Request
        do {
            let signed = try signedRequest(for: operation, credentials: credentials)
            let endpoint = configuration.endpoint
            var headers = HTTPHeaders()
            for field in signed.headers { headers.add(name: field.name, value: field.value) }
            request = try HTTPClient.Request(url: "\(endpoint.scheme)://\(endpoint.hostHeader)" + signed.encodedPathAndQuery,
                                             method: .init(rawValue: signed.method), headers: headers,
                                             body: signed.body.isEmpty ? nil : .bytes(signed.body))
        } catch {
            completion(.failure(error))
            return
        }
        let endpoint = configuration.endpoint.description
        // No per-request logger: the HTTP client tags one with metadata for every request, and
        // cabatch logs answers itself.
        httpClient.execute(request: request, deadline: nil).whenComplete { result in
            switch result {
            case .success(let answer):
                let response = ServiceResponse(status: Int(answer.status.code),
                                               headers: answer.headers.map { HeaderField($0.name, $0.value) },
                                               body: answer.body.map { Array(buffer: $0) } ?? [])
                guard response.isSuccess else {
                    completion(.failure(ServiceError.decode(response)))
                    return
                }
                completion(Result { try Operation.decode(response) })
            case .failure(let error):
                completion(.failure(TransportError.classify(error, endpoint: endpoint)))
            }
        }
    }

    /// The request `operation` would send now, signed, then redacted for display (`--dry-run`).
    public func preview<Operation: CodeArtifactOperation>(_ operation: Operation) async throws -> RequestPreview {
        RequestPreview(signed: try await signedRequest(for: operation), endpoint: configuration.endpoint)
    }

    /// The current credentials, fetched or refreshed as needed; useful to fail fast before a run.
    public func credentials() async throws -> Credentials {
        let context = CredentialContext(transport: transport, clock: clock, logger: logger)
        guard let credentials = try await credentialCache.credentials(context: context) else {
            throw CredentialsError.noCredentials(tried: [configuration.credentialProvider.description])
        }
        return credentials
    }

    /// Closes the connection pool; the client cannot be used afterwards.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    private func signedRequest<Operation: CodeArtifactOperation>(for operation: Operation) async throws -> SigningRequest {
        try signedRequest(for: operation, credentials: try await credentials())
    }

    private func signedRequest<Operation: CodeArtifactOperation>(for operation: Operation,
                                                                 credentials: Credentials) throws -> SigningRequest {
        let request = try operation.serviceRequest().wireRequest(endpoint: configuration.endpoint, userAgent: userAgent)
        let signer = SigV4Signer(credentials: credentials, region: configuration.region,
                                 service: Self.signingName, clock: clock, keyCache: keyCache)
        return signer.sign(request)
    }

    private func execute(_ signed: SigningRequest) async throws -> ServiceResponse {
        let endpoint = configuration.endpoint
        var request = HTTPClientRequest(url: "\(endpoint.scheme)://\(endpoint.hostHeader)" + signed.encodedPathAndQuery)
        request.method = .init(rawValue: signed.method)
        for field in signed.headers { request.headers.add(name: field.name, value: field.value) }
        if !signed.body.isEmpty {
            request.body = .bytes(signed.body)
        }
        do {
            let response = try await httpClient.execute(request, deadline: .distantFuture, logger: logger)
            let body = try await response.body.collect(upTo: 64 << 20)
            return ServiceResponse(status: Int(response.status.code),
                                   headers: response.headers.map { HeaderField($0.name, $0.value) },
                                   body: Array(buffer: body))
        } catch {
            throw TransportError.classify(error, endpoint: endpoint.description)
        }
    }
}
