import NIOSSL

/// A file of PEM certificates that replaces the system's trust store for every HTTPS call, read
/// (and refused if unreadable) when the configuration is resolved, not at the first request.
public struct CABundle: Sendable, Hashable {
    public let path: String
    /// `AWS_CA_BUNDLE` or `profile NAME`, for messages.
    public let source: String
    let certificates: [NIOSSLCertificate]

    public init(path: String, source: String) throws(ConfigurationError) {
        self.path = path
        self.source = source
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw .invalidCABundle(path: path, source: source, reason: "\(error)")
        }
        guard !certificates.isEmpty else {
            throw .invalidCABundle(path: path, source: source, reason: "it holds no PEM certificate")
        }
    }

    public static func == (a: CABundle, b: CABundle) -> Bool { a.path == b.path && a.source == b.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    /// A client TLS configuration that trusts these certificates only.
    public var tlsConfiguration: TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(certificates)
        return tls
    }
}
