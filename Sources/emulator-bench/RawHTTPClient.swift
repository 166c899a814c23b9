#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A minimal keep-alive HTTP/1.1 client on blocking sockets, one thread per connection.
///
/// It sends pre-signed requests (the emulator accepts a signature for five minutes), so that
/// nearly all the machine's time goes to the emulator being measured rather than to the client.
struct RawHTTPClient {
    /// One connection's figures.
    struct Tally: Sendable {
        var requests = 0
        var errors = 0
        var deleted = 0
        var latencies: [Duration] = []
    }

    /// Runs `connections` threads until `deadline`, each cycling through its share of `requests`.
    static func run(port: Int, requests: [[UInt8]], connections: Int, deadline: ContinuousClock.Instant,
                    marker: [UInt8]) -> Tally {
        let total = TallyBox()
        let group = DispatchGroup()
        for connection in 0..<connections {
            group.enter()
            let thread = Thread {
                let tally = runConnection(port: port, requests: requests, first: connection, stride: connections,
                                          deadline: deadline, marker: marker)
                total.add(tally)
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return total.tally
    }

    /// The connections' tallies, summed under a lock as each thread finishes.
    private final class TallyBox: @unchecked Sendable {
        private let lock = NSLock()
        private var sum = Tally()

        func add(_ tally: Tally) {
            lock.withLock {
                sum.requests += tally.requests
                sum.errors += tally.errors
                sum.deleted += tally.deleted
                sum.latencies += tally.latencies
            }
        }

        var tally: Tally { lock.withLock { sum } }
    }

    private static func runConnection(port: Int, requests: [[UInt8]], first: Int, stride: Int,
                                      deadline: ContinuousClock.Instant, marker: [UInt8]) -> Tally {
        var tally = Tally()
        let clock = ContinuousClock()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            tally.errors += 1
            return tally
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var index = first
        while clock.now < deadline {
            let request = requests[index % requests.count]
            index += stride
            let sent = clock.now
            let wrote = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard wrote == request.count else { tally.errors += 1; return tally }
            guard let response = readResponse(fd, &buffer) else { tally.errors += 1; return tally }
            tally.latencies.append(sent.duration(to: clock.now))
            tally.requests += 1
            if response.status != 200 { tally.errors += 1 }
            tally.deleted += count(marker, in: buffer[response.body])
        }
        return tally
    }

    /// Reads one response with a `Content-Length` body into `buffer`; `nil` when the connection ends.
    private static func readResponse(_ fd: Int32, _ buffer: inout [UInt8]) -> (status: Int, body: Range<Int>)? {
        var filled = 0
        var headerEnd: Int?
        var contentLength = 0
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            guard got > 0 else { return nil }
            filled += got
            if headerEnd == nil, let end = find([13, 10, 13, 10], in: buffer[0..<filled]) {
                headerEnd = end + 4
                let head = String(decoding: buffer[0..<end], as: UTF8.self).lowercased()
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let headerEnd, filled >= headerEnd + contentLength {
                // "HTTP/1.1 200 OK": the status is bytes 9–11.
                let status = Int(String(decoding: buffer[9..<12], as: UTF8.self)) ?? 0
                return (status, headerEnd..<(headerEnd + contentLength))
            }
        }
    }

    private static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private static func count(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int {
        var total = 0
        var index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                total += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return total
    }
}
