import Foundation

/// Asks a running ``EmulatorServer`` to shut down gracefully, from any task, at any time:
/// a trigger that comes before the server is up takes effect as soon as it is.
public final class EmulatorShutdown: @unchecked Sendable {
    private let lock = NSLock()
    private var action: (@Sendable () async -> Void)?
    private var triggered = false

    public init() {}

    /// Stops the server: no new connections, requests in flight finish.
    public func trigger() async {
        let action = lock.withLock {
            triggered = true
            return self.action
        }
        await action?()
    }

    func attach(_ action: @escaping @Sendable () async -> Void) async {
        let runNow = lock.withLock {
            self.action = action
            return triggered
        }
        if runNow { await action() }
    }
}
