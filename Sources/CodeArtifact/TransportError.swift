import AsyncHTTPClient
import Foundation
import NIOCore

/// A request that got no HTTP answer: timeouts, refused or reset connections, TLS failures.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    private enum Kind: String, Sendable, Hashable {
        case connectTimeout = "connect_timeout"
        case readTimeout = "read_timeout"
        case connectionClosed = "connection_closed"
        case connectionRefused = "connection_refused"
        case tls = "tls"
        case cancelled = "cancelled"
        case other = "transport"
    }

    private let kind: Kind
    /// The endpoint the request went to (no query, no credentials).
    public let endpoint: String
    /// The underlying library's wording.
    public let detail: String

    public var code: String { kind.rawValue }

    public var classification: ErrorClassification {
        switch kind {
        case .connectTimeout, .readTimeout, .connectionClosed, .connectionRefused, .other:
            ErrorClassification(retry: .transient, scope: .request)
        // A certificate the system does not trust will not become trusted by asking again.
        case .tls: ErrorClassification(retry: .permanent, scope: .run)
        case .cancelled: ErrorClassification(retry: .permanent, scope: .request)
        }
    }

    public var description: String {
        let what = switch kind {
        case .connectTimeout: "timed out connecting to"
        case .readTimeout: "timed out waiting for an answer from"
        case .connectionClosed: "lost the connection to"
        case .connectionRefused: "could not connect to"
        case .tls: "could not establish a trusted TLS connection to"
        case .cancelled: "cancelled the request to"
        case .other: "failed to talk to"
        }
        return "cabatch \(what) \(endpoint): \(detail)"
    }

    /// The transport error for anything thrown while sending a request to `endpoint`.
    public static func classify(_ error: any Error, endpoint: String) -> TransportError {
        TransportError(kind: kind(of: error), endpoint: endpoint, detail: String(describing: error))
    }

    private static func kind(of error: any Error) -> Kind {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout: return .connectTimeout
            case .readTimeout, .writeTimeout, .deadlineExceeded: return .readTimeout
            case .remoteConnectionClosed: return .connectionClosed
            case .cancelled, .requestStreamCancelled: return .cancelled
            default: return .other
            }
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connectTimeout
            case .ioOnClosedChannel, .outputClosed, .inputClosed, .eof, .alreadyClosed: return .connectionClosed
            default: return .other
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH: return .connectionRefused
            case ECONNRESET, EPIPE, ECONNABORTED: return .connectionClosed
            case ETIMEDOUT: return .readTimeout
            default: return .other
            }
        }
        if error is CancellationError { return .cancelled }
        // NIOSSL and NIOPosix's aggregate connection error are matched by name to avoid depending on them.
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("NIOSSL") || typeName.contains("BoringSSL") { return .tls }
        if typeName.contains("NIOConnectionError") { return .connectionRefused }
        return .other
    }
}
