import Foundation

/// A blocking first-in first-out queue between the reader thread and the decoding workers.
public final class BatchQueue<Item: Sendable>: @unchecked Sendable {
    public init() {}
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var closed = false

    public func put(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, or `nil` once the queue is closed and drained.
    public func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Hands results to the consumer in sequence order, whatever order the workers finish in.
public final class ReorderBuffer<Item: Sendable>: @unchecked Sendable {
    public init() {}
    private let condition = NSCondition()
    private var waiting: [Int: Item] = [:]
    private var next = 0
    private var end: Int?

    public func put(_ sequence: Int, _ item: Item) {
        condition.lock()
        waiting[sequence] = item
        condition.broadcast()
        condition.unlock()
    }

    /// Declares how many items there will be, so the consumer knows when to stop.
    public func finish(count: Int) {
        condition.lock()
        end = count
        condition.broadcast()
        condition.unlock()
    }

    /// The next item in order, or `nil` when all have been taken.
    public func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while waiting[next] == nil {
            if let end, next >= end { return nil }
            condition.wait()
        }
        let item = waiting.removeValue(forKey: next)
        next += 1
        return item
    }
}
