import Foundation
import NIOCore
import NIOPosix

/// An HTTP CONNECT proxy on 127.0.0.1, as corporate proxies are for AsyncHTTPClient (which tunnels
/// every proxied request, http or https): records each tunnel's target and relays bytes both ways.
public final class ConnectProxy: Sendable {
    private let channel: any Channel
    private let log = Log()

    public var port: Int { channel.localAddress?.port ?? 0 }
    /// `host:port` of every tunnel asked for, in order.
    public var targets: [String] { log.targets }
    /// The `Proxy-Authorization` headers received.
    public var authorizations: [String?] { log.authorizations }

    /// - Parameter authorization: the `Proxy-Authorization` value required, or `nil` for an open proxy.
    public init(authorization: String? = nil) async throws {
        let log = self.log
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Front(log: log, authorization: authorization))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    public func stop() async throws { try await channel.close() }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(String, String?)] = []
        func append(_ target: String, _ authorization: String?) { lock.withLock { entries.append((target, authorization)) } }
        public var targets: [String] { lock.withLock { entries.map(\.0) } }
        public var authorizations: [String?] { lock.withLock { entries.map(\.1) } }
    }

    /// The client's side: reads the CONNECT head, opens the tunnel, then relays.
    private final class Front: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let log: Log
        let authorization: String?
        var head = ByteBuffer()
        var peer: (any Channel)?
        var connecting = false

        init(log: Log, authorization: String?) {
            self.log = log
            self.authorization = authorization
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            if let peer {
                peer.writeAndFlush(bytes, promise: nil)
                return
            }
            head.writeBuffer(&bytes)
            guard !connecting, let text = head.getString(at: head.readerIndex, length: head.readableBytes),
                  let end = text.range(of: "\r\n\r\n") else { return }
            connecting = true
            let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
            let request = lines[0].split(separator: " ")
            let received = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
                .map { line in String(line.drop { character in character != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
            let front = context.channel
            guard request.count == 3, request[0] == "CONNECT", let colon = request[1].lastIndex(of: ":"),
                  let port = Int(request[1][request[1].index(after: colon)...]) else {
                front.writeAndFlush(ByteBuffer(string: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")).whenComplete { _ in front.close(promise: nil) }
                return
            }
            let target = String(request[1])
            log.append(target, received)
            if let authorization, received != authorization {
                front.writeAndFlush(ByteBuffer(string: "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"))
                    .whenComplete { _ in front.close(promise: nil) }
                return
            }
            let host = String(request[1][..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            let leftover = text[end.upperBound...]
            let loop = NIOLoopBound(self, eventLoop: context.eventLoop)
            ClientBootstrap(group: context.eventLoop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Relay(other: front)) }
                }
                .connect(host: host, port: port)
                .whenComplete { result in
                    switch result {
                    case let .success(back):
                        loop.value.peer = back
                        front.writeAndFlush(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"), promise: nil)
                        if !leftover.isEmpty { back.writeAndFlush(ByteBuffer(string: String(leftover)), promise: nil) }
                    case .failure:
                        front.writeAndFlush(ByteBuffer(string: "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"))
                            .whenComplete { _ in front.close(promise: nil) }
                    }
                }
        }

        func channelInactive(context: ChannelHandlerContext) {
            peer?.close(promise: nil)
        }
    }

    /// The target's side: everything it sends goes back to the client.
    private final class Relay: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let other: any Channel

        init(other: any Channel) { self.other = other }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            other.writeAndFlush(unwrapInboundIn(data), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            other.close(promise: nil)
        }
    }
}
