import Foundation

/// Batches made on a thread of their own by a producer (typically one per stretch of a plan
/// streamed against its journal), at most `ahead` batches ahead of the consumer, so that memory
/// holds a few stretches, never the whole plan.
public final class StretchFeed<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var done = false
    private var failure: String?
    private var cancelled = false
    private var readyHandler: (@Sendable () -> Void)?
    private let ahead: Int

    /// Starts `produce` at once; it hands batches to `emit`, which waits while `ahead` batches
    /// are not yet taken and throws `CancellationError` once the consumer has cancelled.
    public init(ahead: Int = 2, produce: @escaping @Sendable (_ emit: ([Element]) throws -> Void) throws -> Void) {
        self.ahead = max(1, ahead)
        let thread = Thread { [self] in
            do {
                try produce { batch in try self.push(batch) }
                self.end(failure: nil)
            } catch is CancellationError {
                self.end(failure: nil)
            } catch {
                self.end(failure: "\(error)")
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    private func push(_ batch: [Element]) throws {
        guard !batch.isEmpty else { return }
        condition.lock()
        while batches.count >= ahead && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            throw CancellationError()
        }
        batches.append(batch)
        let handler = readyHandler
        condition.broadcast()
        condition.unlock()
        handler?()
    }

    private func end(failure: String?) {
        condition.lock()
        done = true
        self.failure = failure
        let handler = readyHandler
        condition.broadcast()
        condition.unlock()
        handler?()
    }

    /// The next batch, without waiting.
    public func poll() -> FeedPoll<Element> {
        condition.lock()
        defer { condition.unlock() }
        return take()
    }

    /// The next batch, waiting for the producer; `nil` once it has finished. Blocks the calling
    /// thread: call it off the cooperative pool (see `next()`).
    public func waitForNext() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch take() {
            case .items(let batch): return batch
            case .exhausted: return nil
            case .failed(let message): throw StretchFeedError(message: message)
            case .notYet: condition.wait()
            }
        }
    }

    /// The next batch for async code, waiting on a dispatch thread rather than a cooperative one.
    public func next() async throws -> [Element]? {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try self.waitForNext() }) }
        }
    }

    /// Called with the lock held.
    private func take() -> FeedPoll<Element> {
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return .items(batch)
        }
        if let failure { return .failed(failure) }
        return done ? .exhausted : .notYet
    }

    public func setReadyHandler(_ handler: @escaping @Sendable () -> Void) {
        condition.lock()
        readyHandler = handler
        condition.unlock()
    }

    /// The consumer takes no more: the producer stops at its next batch.
    public func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

extension StretchFeed: WorkFeed where Element == WorkItem {}

/// The producer of a `StretchFeed` failed (the plan or journal could not be read).
public struct StretchFeedError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
