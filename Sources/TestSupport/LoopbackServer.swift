import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SigV4

/// A tiny HTTP/1.1 server on 127.0.0.1 standing in for STS, container, IMDS and CodeArtifact endpoints.
public final class LoopbackServer: Sendable {
    /// One request as received.
    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: [HeaderField]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }
        public var rawQuery: String {
            let parts = uri.split(separator: "?", maxSplits: 1)
            return parts.count > 1 ? String(parts[1]) : ""
        }
    }

    /// The answer a handler gives.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [HeaderField] = []
        public var body: [UInt8] = []
        /// Answer only after this long, to exercise read timeouts.
        public var delay: TimeInterval = 0

        public init(status: Int, headers: [HeaderField] = [], body: [UInt8] = [], delay: TimeInterval = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public static func json(_ text: String, status: Int = 200, headers: [HeaderField] = []) -> Response {
            Response(status: status, headers: [HeaderField("Content-Type", "application/json")] + headers,
                     body: Array(text.utf8))
        }

        public static func text(_ text: String, status: Int = 200) -> Response {
            Response(status: status, body: Array(text.utf8))
        }
    }

    private let channel: any Channel
    private let log = RequestLog()

    public var port: Int { channel.localAddress?.port ?? 0 }
    public var url: String { "http://127.0.0.1:\(port)" }
    public var requests: [Request] { log.all }

    public init(_ handler: @escaping @Sendable (Request) -> Response) async throws {
        let log = self.log
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(log: log, respond: handler))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    public func stop() async throws {
        try await channel.close()
    }

    /// Requests in the order received, shared between threads.
    public final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [Request] = []
        public init() {}
        public func append(_ request: Request) { lock.withLock { requests.append(request) } }
        public var all: [Request] { lock.withLock { requests } }
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let log: RequestLog
        let respond: @Sendable (Request) -> Response
        var pending: Request?

        init(log: RequestLog, respond: @escaping @Sendable (Request) -> Response) {
            self.log = log
            self.respond = respond
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case let .head(head):
                pending = Request(method: head.method.rawValue, uri: head.uri,
                                  headers: head.headers.map { HeaderField($0.name, $0.value) }, body: [])
            case var .body(buffer):
                pending?.body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let request = pending else { return }
                pending = nil
                log.append(request)
                let response = respond(request)
                if response.delay > 0 {
                    let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(response.delay * 1_000))) { [self] in
                        write(response, context: bound.value)
                    }
                } else {
                    write(response, context: context)
                }
            }
        }

        private func write(_ response: Response, context: ChannelHandlerContext) {
            var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: response.status), headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
