import AsyncHTTPClient
import Foundation
import Logging

/// The HTTP clients of a run: one direct and one per configured proxy, so that each request
/// takes the route `NO_PROXY` gives its host (AsyncHTTPClient sets a proxy per client, not per request).
public final class HTTPTransport: Sendable {
    public let proxy: ProxySettings?
    let direct: HTTPClient
    let viaHTTPS: HTTPClient?
    let viaHTTP: HTTPClient?

    /// - Parameter configuration: timeouts, pool and TLS shared by every route; the proxy is set here.
    public init(configuration: HTTPClient.Configuration, proxy: ProxySettings?, logger: Logger) {
        self.proxy = proxy
        func make(_ server: ProxyServer?) -> HTTPClient {
            var configuration = configuration
            configuration.proxy = server?.clientProxy
            return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration, backgroundActivityLogger: logger)
        }
        direct = make(nil)
        viaHTTPS = proxy?.https.map { make($0) }
        viaHTTP = proxy?.http.map { make($0) }
    }

    /// The client for `scheme://host:port`; `direct` for endpoints that must never be proxied (IMDS, containers).
    public func client(scheme: String, host: String, port: Int?, direct forced: Bool = false) -> HTTPClient {
        guard !forced, let proxy, proxy.server(scheme: scheme, host: host, port: port) != nil else { return direct }
        return (scheme.lowercased() == "https" ? viaHTTPS : viaHTTP) ?? direct
    }

    /// The client for an absolute URL.
    func client(url: String, direct forced: Bool) -> HTTPClient {
        let components = URLComponents(string: url)
        return client(scheme: components?.scheme ?? "https", host: components?.host ?? "", port: components?.port, direct: forced)
    }

    public func shutdown() async throws {
        try await direct.shutdown()
        try await viaHTTPS?.shutdown()
        try await viaHTTP?.shutdown()
    }
}
