import AsyncHTTPClient
import Foundation

/// The proxies the environment configures, applied as the AWS CLI applies them (Python's
/// `urllib`): `HTTPS_PROXY` for https URLs, `HTTP_PROXY` for http ones, lowercase names first,
/// and `NO_PROXY` hosts, domain suffixes, addresses or `*` reached directly.
public struct ProxySettings: Sendable, Hashable, CustomStringConvertible {
    public var https: ProxyServer?
    public var http: ProxyServer?
    /// `NO_PROXY` entries, lowercased, leading dots removed.
    public var noProxy: [String]

    public init(https: ProxyServer?, http: ProxyServer?, noProxy: [String]) {
        self.https = https
        self.http = http
        self.noProxy = noProxy
    }

    /// The settings of `environment`, or `nil` when no proxy is set.
    public static func fromEnvironment(_ environment: [String: String]) throws -> ProxySettings? {
        func variable(_ name: String) -> (String, String)? {
            for candidate in [name.lowercased(), name] {
                if let value = environment[candidate], !value.isEmpty { return (candidate, value) }
            }
            return nil
        }
        let https = try variable("HTTPS_PROXY").map { try ProxyServer(parsing: $0.1, variable: $0.0) }
        let http = try variable("HTTP_PROXY").map { try ProxyServer(parsing: $0.1, variable: $0.0) }
        guard https != nil || http != nil else { return nil }
        let noProxy = (variable("NO_PROXY")?.1 ?? "").split(separator: ",").map { entry in
            String(entry.trimmingCharacters(in: .whitespaces).drop { character in character == "." }).lowercased()
        }.filter { !$0.isEmpty }
        return ProxySettings(https: https, http: http, noProxy: noProxy)
    }

    /// The proxy a request to `scheme://host[:port]` goes through, `nil` to go directly.
    public func server(scheme: String, host: String, port: Int?) -> ProxyServer? {
        guard !bypasses(host: host, port: port) else { return nil }
        return scheme.lowercased() == "https" ? https : http
    }

    /// Whether `NO_PROXY` names the host: the whole host (or `host:port`), a domain it ends in, or `*`.
    public func bypasses(host: String, port: Int?) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        let withPort = port.map { "\(bare):\($0)" }
        for entry in noProxy {
            if entry == "*" || entry == bare || entry == withPort { return true }
            if bare.hasSuffix("." + entry) || withPort?.hasSuffix("." + entry) == true { return true }
        }
        return false
    }

    public var description: String {
        var parts: [String] = []
        if let https { parts.append("https via \(https)") }
        if let http { parts.append("http via \(http)") }
        if !noProxy.isEmpty { parts.append("not for " + noProxy.joined(separator: ",")) }
        return parts.joined(separator: ", ")
    }
}

/// One proxy server; its description never shows the credentials of its URL.
public struct ProxyServer: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    public var host: String
    public var port: Int
    let username: String?
    let password: String?

    /// `http://[user:password@]host[:port]`, or `host:port` (taken as http, as botocore does).
    public init(parsing text: String, variable: String) throws {
        let url = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw ConfigurationError.invalidProxy(variable: variable, reason: "it is not a URL with a host")
        }
        // AsyncHTTPClient speaks plain HTTP (CONNECT) to a proxy; TLS to the proxy itself is not offered.
        guard components.scheme?.lowercased() == "http" else {
            throw ConfigurationError.invalidProxy(variable: variable, reason: "only http:// proxies are supported")
        }
        self.host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        port = components.port ?? 80
        // `user` and `password` come percent-decoded.
        username = components.user
        password = components.password
    }

    /// The proxy for AsyncHTTPClient, with basic authorization when the URL has credentials.
    var clientProxy: HTTPClient.Configuration.Proxy {
        guard let username else { return .server(host: host, port: port) }
        return .server(host: host, port: port, authorization: .basic(username: username, password: password ?? ""))
    }

    public var description: String { "http://" + (username == nil ? "" : "<credentials>@") + "\(host):\(port)" }
    public var customMirror: Mirror { Mirror(self, children: ["proxy": description]) }
}
