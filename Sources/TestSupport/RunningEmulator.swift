import Emulator
import Foundation
import JSONLines
import Manifest
import SigV4

/// An emulator serving on a free loopback port inside the test process, until `stop()`.
///
/// ```swift
/// let emulator = try await RunningEmulator.start(rows: rows)
/// defer { Task { await emulator.stop() } }   // or: try await RunningEmulator.with(rows: rows) { … }
/// // point a client at emulator.url with EmulatorConfiguration's example key pair
/// ```
public final class RunningEmulator: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: URL
    /// The emulated service; its inventory is the truth a test checks a run against.
    public let core: EmulatorCore
    public let requestLog: RequestLog?
    private let task: Task<Void, any Error>
    private let shutdown: EmulatorShutdown

    public var inventory: Inventory { core.inventory }

    /// What a client process or configuration needs to talk to an emulator: its key pair and
    /// region, and nothing from the machine's own AWS setup.
    public static let clientEnvironment = [
        "AWS_ACCESS_KEY_ID": EmulatorConfiguration.exampleAccessKeyID,
        "AWS_SECRET_ACCESS_KEY": EmulatorConfiguration.exampleSecretAccessKey,
        "AWS_REGION": "us-east-1",
        "HOME": "/nonexistent",
        "PATH": "/usr/bin:/bin",
    ]
    public var port: Int { url.port ?? 0 }

    private init(url: URL, core: EmulatorCore, requestLog: RequestLog?, task: Task<Void, any Error>, shutdown: EmulatorShutdown) {
        self.url = url
        self.core = core
        self.requestLog = requestLog
        self.task = task
        self.shutdown = shutdown
    }

    /// Starts an emulator over `inventory` and returns once it accepts connections.
    ///
    /// - Parameter clock: the service's "now": a test that moves a client's clock forward moves
    ///   this one with it, so that signatures stay in time and temporary keys expire.
    public static func start(inventory: Inventory = Inventory(),
                             configuration: EmulatorConfiguration = EmulatorConfiguration(),
                             clock: WallClock = .system) async throws -> RunningEmulator {
        var configuration = configuration
        configuration.port = 0
        let requestLog = try configuration.requestLogPath.map { path throws(EmulatorFileError) in try RequestLog(path: path) }
        let core = EmulatorCore(configuration: configuration, inventory: inventory, clock: clock)
        let server = EmulatorServer(core: core, requestLog: requestLog)
        let listening = ListeningSignal()
        let shutdown = EmulatorShutdown()
        let task = Task {
            do {
                try await server.run(shutdown: shutdown) { url in listening.resolve(.success(url)) }
            } catch {
                listening.resolve(.failure(error))
                throw error
            }
            listening.resolve(.failure(CancellationError()))
        }
        do {
            let url = try await listening.wait()
            return RunningEmulator(url: url, core: core, requestLog: requestLog, task: task, shutdown: shutdown)
        } catch {
            await shutdown.trigger()
            throw error
        }
    }

    /// Starts an emulator whose inventory holds `rows`.
    public static func start(rows: [ManifestRow],
                             configuration: EmulatorConfiguration = EmulatorConfiguration(),
                             clock: WallClock = .system) async throws -> RunningEmulator {
        let inventory = Inventory()
        inventory.add(contentsOf: rows)
        return try await start(inventory: inventory, configuration: configuration, clock: clock)
    }

    /// The request log so far, one JSON object per request (the configuration must name a log).
    public func loggedRequests() throws -> [JSONObject] {
        guard let path = core.configuration.requestLogPath, let requestLog else { return [] }
        requestLog.flush()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONValue.parse(Array(line.utf8)).objectValue else { throw CocoaError(.fileReadCorruptFile) }
            return object
        }
    }

    /// Runs `body` with an emulator over `inventory`, stopping it afterwards whatever happens.
    public static func with<T: Sendable>(inventory: Inventory = Inventory(),
                                         configuration: EmulatorConfiguration = EmulatorConfiguration(),
                                         _ body: (RunningEmulator) async throws -> T) async throws -> T {
        let emulator = try await start(inventory: inventory, configuration: configuration)
        do {
            let result = try await body(emulator)
            await emulator.stop()
            return result
        } catch {
            await emulator.stop()
            throw error
        }
    }

    /// Stops accepting connections, lets requests in flight finish, and flushes the request log.
    ///
    /// Graceful, not cancelled: cancelling the server while a connection is being accepted trips
    /// an assertion in NIO's async channel.
    public func stop() async {
        await shutdown.trigger()
        _ = await task.result
        requestLog?.flush()
    }
}

/// Hands the bound URL (or the failure to bind) from the server task to `start` exactly once.
private final class ListeningSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<URL, any Error>?
    private var waiter: CheckedContinuation<URL, any Error>?

    func resolve(_ outcome: Result<URL, any Error>) {
        lock.lock()
        guard result == nil else { lock.unlock(); return }
        result = outcome
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(with: outcome)
    }

    func wait() async throws -> URL {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let result {
                lock.unlock()
                continuation.resume(with: result)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
