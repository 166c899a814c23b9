import Foundation

/// Runs blocking work (waiting for a child process, reading its pipes, polling a file) on a
/// thread of its own, so that async tests never hold one of the few cooperative threads the
/// in-process emulators and other tests need.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
