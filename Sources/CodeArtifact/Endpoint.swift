import Foundation

/// Where requests go: scheme, host, optional port and a base path, checked for transport safety.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// A path prefix before the operation's path, without a trailing slash (usually empty).
    public var basePath: String

    /// The regional CodeArtifact endpoint AWS publishes.
    public static func codeArtifact(region: String) -> Endpoint {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return Endpoint(scheme: "https", host: "codeartifact.\(region).\(suffix)", port: nil, basePath: "")
    }

    public init(scheme: String, host: String, port: Int?, basePath: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses and checks `url`; `source` (`--endpoint-url`, `AWS_ENDPOINT_URL`…) is named in errors.
    public init(parsing url: String, source: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty, components.query == nil, components.user == nil
        else { throw ConfigurationError.invalidEndpoint(url: url, source: source) }
        switch scheme {
        case "https": break
        case "http": guard Self.isLoopback(host) else { throw ConfigurationError.insecureEndpoint(url: url, source: source) }
        default: throw ConfigurationError.invalidEndpoint(url: url, source: source)
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.init(scheme: scheme, host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")),
                  port: components.port, basePath: path)
    }

    /// Whether `host` is a loopback name or address, the only place plain HTTP is allowed.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The `Host` header: the host, and the port when it is not the scheme's default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return name }
        return "\(name):\(port)"
    }

    /// `https://host[:port]` with the base path.
    public var description: String { "\(scheme)://\(hostHeader)\(basePath)" }
}
