import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SigV4

/// A source of AWS credentials; `nil` means "not configured here", so a chain moves on to the next.
public protocol CredentialProvider: Sendable, CustomStringConvertible {
    func credentials(context: CredentialContext) async throws -> Credentials?
}

/// What providers may use to reach the world: one HTTP client, the clock and a logger.
public struct CredentialContext: Sendable {
    public var httpClient: HTTPClient
    public var clock: WallClock
    public var logger: Logger
    /// When set, each request takes the route its host's proxy settings give it instead of `httpClient`.
    public var transport: HTTPTransport?

    public init(httpClient: HTTPClient, clock: WallClock = .system, logger: Logger = Logger(label: "cabatch.credentials")) {
        self.httpClient = httpClient
        self.clock = clock
        self.logger = logger
    }

    public init(transport: HTTPTransport, clock: WallClock = .system, logger: Logger = Logger(label: "cabatch.credentials")) {
        self.init(httpClient: transport.direct, clock: clock, logger: logger)
        self.transport = transport
    }

    /// Sends a small request for a credential endpoint and returns the whole answer, bounded by `timeout`.
    /// `direct` keeps instance metadata and container endpoints off any proxy, as the AWS CLI does.
    func fetch(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: [UInt8] = [],
               timeout: TimeInterval, provider: String, direct: Bool = false) async throws -> ServiceResponse {
        let httpClient = transport?.client(url: url, direct: direct) ?? self.httpClient
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(body) }
        do {
            let response = try await httpClient.execute(request, timeout: .milliseconds(Int64(timeout * 1_000)))
            let bytes = try await response.body.collect(upTo: 1 << 20)
            return ServiceResponse(status: Int(response.status.code),
                                   headers: response.headers.map { HeaderField($0.name, $0.value) },
                                   body: Array(buffer: bytes))
        } catch {
            throw CredentialsError.unreachable(provider: provider, reason: TransportError.classify(error, endpoint: url).code)
        }
    }
}
