import AsyncHTTPClient
import Emulator
import Foundation
import Manifest
import NIOCore
import SigV4
import JSONLines

/// Measures how many 100-version DeletePackageVersions requests a second the emulator answers
/// to a keep-alive client. Prints figures, not a verdict.
///
/// ```
/// emulator-bench [--seconds S] [--concurrency C] [--packages P] [--url URL] [--client raw|ahc]
/// emulator-bench --write-inventory FILE [--packages P]
/// ```
/// Without `--url` the emulator runs in this process over P packages of 100 versions each;
/// with it, the emulator at URL must serve the inventory `--write-inventory` wrote. The default
/// client sends pre-signed requests over raw keep-alive sockets from one polling thread, so that
/// the client costs the shared cores little; `--client ahc` signs each request and sends it with
/// AsyncHTTPClient. Besides throughput and latency it prints its own CPU time per request.
@main
struct EmulatorBench {
    struct Options {
        var seconds = 10.0
        var concurrency = 32
        var packages = 2_000
        var url: String?
        var inventoryOut: String?
        /// Times the core alone (verify, decode, delete, encode) on one thread, without the network.
        var coreOnly = false
        /// AsyncHTTPClient with per-request signing instead of raw sockets with pre-signed requests.
        var useAsyncHTTPClient = false

        init(_ arguments: [String]) throws {
            var iterator = arguments.makeIterator()
            while let argument = iterator.next() {
                func value() throws -> String {
                    guard let next = iterator.next() else { throw BenchError("\(argument) needs a value") }
                    return next
                }
                switch argument {
                case "--seconds": seconds = Double(try value()) ?? seconds
                case "--concurrency": concurrency = Int(try value()) ?? concurrency
                case "--packages": packages = Int(try value()) ?? packages
                case "--url": url = try value()
                case "--write-inventory": inventoryOut = try value()
                case "--core-only": coreOnly = true
                case "--client":
                    let name = try value()
                    guard name == "raw" || name == "ahc" else { throw BenchError("--client takes raw or ahc") }
                    useAsyncHTTPClient = name == "ahc"
                default: throw BenchError("unknown argument \(argument)")
                }
            }
        }
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let versionsPerRequest = 100

    static func rows(packages: Int) -> [ManifestRow] {
        (0..<packages).flatMap { package in
            (0..<versionsPerRequest).map { version in
                ManifestRow(domain: "bench", repository: "store", format: .npm, namespace: "bench",
                            package: "package-\(package)", version: "1.0.\(version)")
            }
        }
    }

    static func main() async throws {
        let options = try Options(Array(CommandLine.arguments.dropFirst()))
        if let path = options.inventoryOut {
            var json = JSONWriter(capacity: options.packages * versionsPerRequest * 120)
            var bytes: [UInt8] = []
            for row in rows(packages: options.packages) {
                json = JSONWriter(capacity: 160)
                json.beginObject()
                json.member("domain", row.domain)
                json.member("repository", row.repository)
                json.member("format", row.format.rawValue)
                json.member("namespace", row.namespace)
                json.member("package", row.package)
                json.member("version", row.version)
                json.endObject()
                bytes += json.bytes + [0x0A]
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            print("wrote \(options.packages * versionsPerRequest) versions to \(path)")
            return
        }

        if options.coreOnly {
            try coreOnly(options)
            return
        }
        if let url = options.url {
            try await measure(URL(string: url)!, options)
            return
        }
        let inventory = Inventory()
        inventory.add(contentsOf: rows(packages: options.packages))
        let server = EmulatorServer(core: EmulatorCore(configuration: EmulatorConfiguration(), inventory: inventory))
        let shutdown = EmulatorShutdown()
        let (stream, continuation) = AsyncStream.makeStream(of: URL.self)
        async let serving: Void = server.run(shutdown: shutdown) { continuation.yield($0) }
        var iterator = stream.makeAsyncIterator()
        guard let url = await iterator.next() else { throw BenchError("the emulator did not start") }
        print("emulator in process at \(url), \(inventory.versionCount) versions")
        do {
            try await measure(url, options)
        } catch {
            await shutdown.trigger()
            throw error
        }
        await shutdown.trigger()
        try await serving
    }

    /// The wire bytes of one signed 100-version delete per package.
    static func presignedRequests(_ url: URL, packages: Int) -> [[UInt8]] {
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                     secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey),
            region: "us-east-1", service: "codeartifact")
        let authority = "\(url.host!):\(url.port!)"
        let body = Array(("{\"versions\":[" + (0..<versionsPerRequest).map { "\"1.0.\($0)\"" }.joined(separator: ",") + "]}").utf8)
        return (0..<packages).map { package in
            let signed = signer.sign(SigningRequest(
                method: "POST", path: "/v1/package/versions/delete",
                query: [QueryParameter("domain", "bench"), QueryParameter("repository", "store"),
                        QueryParameter("format", "npm"), QueryParameter("namespace", "bench"),
                        QueryParameter("package", "package-\(package)")],
                headers: [HeaderField("Host", authority), HeaderField("Content-Type", "application/json")], body: body))
            var head = "POST \(signed.encodedPathAndQuery) HTTP/1.1\r\n"
            for header in signed.headers { head += "\(header.name): \(header.value)\r\n" }
            head += "Content-Length: \(body.count)\r\n\r\n"
            return Array(head.utf8) + body
        }
    }

    /// Runs `concurrency` keep-alive connections, each sending one request after another.
    static func measure(_ url: URL, _ options: Options) async throws {
        guard options.useAsyncHTTPClient else {
            let requests = presignedRequests(url, packages: options.packages)
            let clock = ContinuousClock()
            let cpuBefore = processCPUSeconds()
            let start = clock.now
            let tally = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: RawHTTPClient.run(
                        port: url.port!, requests: requests, connections: options.concurrency,
                        deadline: start + .seconds(options.seconds), marker: deletedMarker))
                }
            }
            report(WorkerResult(requests: tally.requests, errors: tally.errors, deleted: tally.deleted, latencies: tally.latencies),
                   elapsed: start.duration(to: clock.now), cpuSeconds: processCPUSeconds() - cpuBefore, options)
            return
        }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = options.concurrency
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                     secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey),
            region: "us-east-1", service: "codeartifact")
        let authority = "\(url.host!):\(url.port!)"
        let body = Array(("{\"versions\":[" + (0..<versionsPerRequest).map { "\"1.0.\($0)\"" }.joined(separator: ",") + "]}").utf8)

        func send(package: Int) async throws -> (status: Int, deleted: Int) {
            let query = [QueryParameter("domain", "bench"), QueryParameter("repository", "store"),
                         QueryParameter("format", "npm"), QueryParameter("namespace", "bench"),
                         QueryParameter("package", "package-\(package)")]
            let signed = signer.sign(SigningRequest(
                method: "POST", path: "/v1/package/versions/delete", query: query,
                headers: [HeaderField("Host", authority), HeaderField("Content-Type", "application/json")], body: body))
            var request = HTTPClientRequest(url: "http://\(authority)\(signed.encodedPathAndQuery)")
            request.method = .POST
            for header in signed.headers where header.name != "Host" { request.headers.add(name: header.name, value: header.value) }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await client.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 1 << 20)
            // Deleted versions appear as `"status":"Deleted"`; counting them proves the work was done.
            return (Int(response.status.code), occurrences(of: deletedMarker, in: bytes))
        }

        // Warm up connections and code paths on packages the measurement does not reuse first.
        _ = try await send(package: options.packages - 1)

        let clock = ContinuousClock()
        let cpuBefore = processCPUSeconds()
        let start = clock.now
        let deadline = start + .seconds(options.seconds)
        let results = try await withThrowingTaskGroup(of: WorkerResult.self) { group in
            for worker in 0..<options.concurrency {
                group.addTask {
                    var result = WorkerResult()
                    var package = worker
                    while clock.now < deadline {
                        let sent = clock.now
                        let answer = try await send(package: package % options.packages)
                        result.latencies.append(sent.duration(to: clock.now))
                        result.requests += 1
                        result.deleted += answer.deleted
                        if answer.status != 200 { result.errors += 1 }
                        package += options.concurrency
                    }
                    return result
                }
            }
            var total = WorkerResult()
            for try await result in group { total.merge(result) }
            return total
        }
        let elapsed = start.duration(to: clock.now)
        let cpuSeconds = processCPUSeconds() - cpuBefore
        try await client.shutdown()
        report(results, elapsed: elapsed, cpuSeconds: cpuSeconds, options)
    }

    /// User and system CPU time of this process so far, in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// - Parameter cpuSeconds: this process's CPU time during the measurement: the client's own,
    ///   or the client's and the emulator's when the emulator runs in process.
    static func report(_ results: WorkerResult, elapsed: Duration, cpuSeconds: Double, _ options: Options) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sorted = results.latencies.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let d = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            return Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000
        }
        print(String(format: "requests: %d in %.2fs, %d non-200", results.requests, seconds, results.errors))
        print(String(format: "requests/s: %.0f", Double(results.requests) / seconds))
        print(String(format: "versions/s: %.0f (%d deleted, the rest NOT_FOUND)",
                     Double(results.requests * versionsPerRequest) / seconds, results.deleted))
        print(String(format: "latency ms: p50 %.2f, p99 %.2f, concurrency %d", percentile(0.5), percentile(0.99), options.concurrency))
        let who = options.url == nil ? "client and emulator" : "client"
        print(String(format: "\(who) CPU per request: %.0f µs", cpuSeconds / Double(max(1, results.requests)) * 1e6))
    }

    static func coreOnly(_ options: Options) throws {
        let inventory = Inventory()
        inventory.add(contentsOf: rows(packages: options.packages))
        let core = EmulatorCore(configuration: EmulatorConfiguration(), inventory: inventory)
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                     secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey),
            region: "us-east-1", service: "codeartifact")
        let body = Array(("{\"versions\":[" + (0..<versionsPerRequest).map { "\"1.0.\($0)\"" }.joined(separator: ",") + "]}").utf8)
        let requests = (0..<options.packages).map { package in
            signer.sign(SigningRequest(
                method: "POST", path: "/v1/package/versions/delete",
                query: [QueryParameter("domain", "bench"), QueryParameter("repository", "store"),
                        QueryParameter("format", "npm"), QueryParameter("namespace", "bench"),
                        QueryParameter("package", "package-\(package)")],
                headers: [HeaderField("Host", "127.0.0.1:1"), HeaderField("Content-Type", "application/json")], body: body))
        }
        let clock = ContinuousClock()
        var count = 0
        let start = clock.now
        while start.duration(to: clock.now) < .seconds(options.seconds) {
            for request in requests.prefix(200) {
                _ = core.handle(requests[count % requests.count])
                _ = request
                count += 1
            }
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "core only, one thread: %.0f requests/s (%.1f µs each)", Double(count) / seconds, seconds / Double(count) * 1e6))
    }

    static let deletedMarker = Array("\"Deleted\"".utf8)

    /// How often `pattern` occurs in `buffer`; cheap next to the request it measures.
    static func occurrences(of pattern: [UInt8], in buffer: ByteBuffer) -> Int {
        buffer.withUnsafeReadableBytes { bytes in
            guard bytes.count >= pattern.count else { return 0 }
            var count = 0
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == pattern[0] {
                    var matched = true
                    for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                        matched = false
                        break
                    }
                    if matched {
                        count += 1
                        index += pattern.count
                        continue
                    }
                }
                index += 1
            }
            return count
        }
    }

    struct WorkerResult: Sendable {
        var requests = 0
        var errors = 0
        var deleted = 0
        var latencies: [Duration] = []

        mutating func merge(_ other: WorkerResult) {
            requests += other.requests
            errors += other.errors
            deleted += other.deleted
            latencies += other.latencies
        }
    }
}
