#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A minimal keep-alive HTTP/1.1 client: one thread polling non-blocking sockets, one request
/// in flight per connection.
///
/// It sends pre-signed requests (the emulator accepts a signature for five minutes) and reads
/// answers as bytes, so that the machine's time goes to the emulator being measured rather than
/// to the client. One polling thread rather than a blocking thread per connection: on 2 cores,
/// waking a thread for every answer cost the client as much as its parsing.
struct RawHTTPClient {
    /// The figures of a run.
    struct Tally: Sendable {
        var requests = 0
        var errors = 0
        var deleted = 0
        var latencies: [Duration] = []
    }

    /// Runs `connections` connections until `deadline`, each cycling through its share of
    /// `requests`; answers in flight at the deadline are awaited and counted.
    static func run(port: Int, requests: [[UInt8]], connections: Int, deadline: ContinuousClock.Instant,
                    marker: [UInt8]) -> Tally {
        var tally = Tally()
        let clock = ContinuousClock()
        var open: [Connection] = []
        for index in 0..<connections {
            guard let connection = Connection(port: port, first: index, stride: connections) else {
                tally.errors += 1
                continue
            }
            open.append(connection)
        }
        defer { for connection in open { close(connection.fd) } }
        for index in open.indices where !open[index].send(requests, at: clock.now) {
            open[index].failed = true
        }
        var polls = [pollfd](repeating: pollfd(), count: open.count)
        // An answer that never comes ends the run rather than hanging it.
        while open.contains(where: { $0.inFlight && !$0.failed }), clock.now < deadline + .seconds(30) {
            for index in open.indices {
                let events = open[index].inFlight && !open[index].failed ? open[index].waitingFor : 0
                polls[index] = pollfd(fd: open[index].fd, events: events, revents: 0)
            }
            guard poll(&polls, nfds_t(polls.count), 1000) >= 0 || errno == EINTR else { break }
            for index in open.indices where polls[index].revents != 0 {
                switch open[index].progress() {
                case .waiting:
                    continue
                case .failed:
                    open[index].failed = true
                case .answered(let status, let body):
                    let now = clock.now
                    tally.latencies.append(open[index].sentAt.duration(to: now))
                    tally.requests += 1
                    if status != 200 { tally.errors += 1 }
                    tally.deleted += open[index].count(marker, in: body)
                    if now < deadline, !open[index].send(requests, at: now) { open[index].failed = true }
                }
            }
        }
        tally.errors += open.count { $0.failed || $0.inFlight }
        return tally
    }

    /// One keep-alive connection and the request it has in flight.
    private struct Connection {
        let fd: Int32
        var next: Int
        let stride: Int
        var inFlight = false
        var failed = false
        var sentAt = ContinuousClock.now
        /// The request bytes not yet written.
        private var pending: [UInt8] = []
        private var written = 0
        /// The answer read so far.
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)
        private var filled = 0
        private var headerEnd: Int?
        private var contentLength = 0

        enum Progress {
            case waiting
            case failed
            case answered(status: Int, body: Range<Int>)
        }

        init?(port: Int, first: Int, stride: Int) {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            var noDelay: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
                close(fd)
                return nil
            }
            self.fd = fd
            self.next = first
            self.stride = stride
        }

        /// What `poll` should wait for: room to write the rest of the request, or the answer.
        var waitingFor: Int16 {
            Int16(written < pending.count ? POLLOUT : POLLIN)
        }

        /// Starts the next request; `false` when the connection is gone.
        mutating func send(_ requests: [[UInt8]], at now: ContinuousClock.Instant) -> Bool {
            pending = requests[next % requests.count]
            next += stride
            written = 0
            filled = 0
            headerEnd = nil
            contentLength = 0
            inFlight = true
            sentAt = now
            return writeRest()
        }

        private mutating func writeRest() -> Bool {
            while written < pending.count {
                let (fd, offset) = (self.fd, written)
                let count = pending.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK }
                written += count
            }
            return true
        }

        /// Writes or reads what the socket allows.
        mutating func progress() -> Progress {
            if written < pending.count { return writeRest() ? .waiting : .failed }
            while true {
                if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
                let (fd, offset) = (self.fd, filled)
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
                if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return .waiting }
                guard count > 0 else { return .failed }
                filled += count
                if headerEnd == nil { parseHead() }
                if let headerEnd, filled >= headerEnd + contentLength {
                    inFlight = false
                    // "HTTP/1.1 200 OK": the status is bytes 9–11.
                    let status = buffer[9..<12].reduce(0) { $0 * 10 + Int($1) - 48 }
                    return .answered(status: status, body: headerEnd..<(headerEnd + contentLength))
                }
            }
        }

        /// Finds the end of the head and its `Content-Length`, once the head is complete.
        private mutating func parseHead() {
            buffer.withUnsafeBytes { bytes in
                guard let end = Self.find(Array("\r\n\r\n".utf8), in: bytes, from: 0, to: filled) else { return }
                headerEnd = end + 4
                let name = Array("\r\ncontent-length:".utf8)
                var line = 0
                while line + name.count <= end {
                    if zip(bytes[line..<(line + name.count)], name).allSatisfy({ Self.lowercased($0) == $1 }) {
                        var index = line + name.count
                        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
                        var length = 0
                        while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                            length = length * 10 + Int(bytes[index] - 48)
                            index += 1
                        }
                        contentLength = length
                        return
                    }
                    line += 1
                }
            }
        }

        /// How often `pattern` occurs in `range` of the answer; cheap next to the request it measures.
        func count(_ pattern: [UInt8], in range: Range<Int>) -> Int {
            buffer.withUnsafeBytes { bytes in
                var total = 0
                var start = range.lowerBound
                while let found = Self.find(pattern, in: bytes, from: start, to: range.upperBound) {
                    total += 1
                    start = found + pattern.count
                }
                return total
            }
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }

        /// The offset of `pattern` in `bytes[from..<to]`: `memchr` for its first byte, then a compare.
        private static func find(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int? {
            guard let base = bytes.baseAddress, !pattern.isEmpty else { return nil }
            return pattern.withUnsafeBytes { pattern in
                var start = from
                while end - start >= pattern.count,
                      let hit = memchr(base + start, Int32(pattern[0]), end - start - pattern.count + 1) {
                    let offset = UnsafeRawPointer(hit) - base
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
    }
}
