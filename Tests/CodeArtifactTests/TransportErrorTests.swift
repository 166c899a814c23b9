import AsyncHTTPClient
import CodeArtifact
import Foundation
import NIOCore
import Testing

@Suite struct TransportErrorTests {
    static let rows: [(any Error, String, ErrorClassification.Retry, ErrorClassification.Scope)] = [
        (HTTPClientError.connectTimeout, "connect_timeout", .transient, .request),
        (HTTPClientError.getConnectionFromPoolTimeout, "connect_timeout", .transient, .request),
        (HTTPClientError.readTimeout, "read_timeout", .transient, .request),
        (HTTPClientError.deadlineExceeded, "read_timeout", .transient, .request),
        (HTTPClientError.remoteConnectionClosed, "connection_closed", .transient, .request),
        (HTTPClientError.cancelled, "cancelled", .permanent, .request),
        (ChannelError.connectTimeout(.seconds(1)), "connect_timeout", .transient, .request),
        (ChannelError.ioOnClosedChannel, "connection_closed", .transient, .request),
        (IOError(errnoCode: ECONNRESET, reason: "read"), "connection_closed", .transient, .request),
        (IOError(errnoCode: ECONNREFUSED, reason: "connect"), "connection_refused", .transient, .request),
        (IOError(errnoCode: EPIPE, reason: "write"), "connection_closed", .transient, .request),
        (CancellationError(), "cancelled", .permanent, .request),
        (URLError(.unknown), "transport", .transient, .request),
    ]

    @Test func classifiesEveryKnownFailure() {
        for (error, code, retry, scope) in Self.rows {
            let classified = TransportError.classify(error, endpoint: "https://codeartifact.us-east-1.amazonaws.com")
            #expect(classified.code == code, "\(error)")
            #expect(classified.classification == ErrorClassification(retry: retry, scope: scope), "\(error)")
            #expect(classified.description.contains("https://codeartifact.us-east-1.amazonaws.com"))
        }
    }
}
