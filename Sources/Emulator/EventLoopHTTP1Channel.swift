import HummingbirdCore
import Logging
// Hummingbird's child channels hand out NIO channels and event loops.
import NIOCore
import NIOSSL

/// Hummingbird's HTTP/1.1 connection, handled on the connection's own event loop.
///
/// By default a connection's task runs on Swift's global pool while its I/O runs on a NIO event
/// loop, so every request wakes a pool thread to handle it and the loop again to write the
/// answer: on 2 cores those hops cost more than the emulator's own work. Preferring the
/// connection's event loop as the task's executor keeps a request on one thread from read to write.
///
/// With `tls`, each connection is TLS first (`--tls-cert`/`--tls-key`).
struct EventLoopHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let http1: HTTP1Channel
    var tls: NIOSSLContext?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let tls else { return http1.setup(channel: channel, logger: logger) }
        do {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        guard #available(macOS 15, *) else {
            await http1.handle(value: value, logger: logger)
            return
        }
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await http1.handle(value: value, logger: logger)
        }
    }
}
