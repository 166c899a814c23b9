import Foundation
import JSONLines
import Testing

/// Pins the two hand-offs between the reader and its workers: a first-in first-out queue that
/// ends when closed and drained, and a buffer that gives results back in sequence order.
@Suite struct BatchQueueTests {
    /// Runs `bodies` on threads of their own and waits for all of them.
    static func onThreads(_ bodies: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        for body in bodies {
            group.enter()
            Thread {
                body()
                group.leave()
            }.start()
        }
        group.wait()
    }

    /// What several threads collected, behind a lock.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Int] = []
        func add(_ item: Int) { lock.withLock { items.append(item) } }
        var all: [Int] { lock.withLock { items } }
    }

    @Test func itemsComeOutInTheOrderTheyWentIn() {
        let queue = BatchQueue<Int>()
        for item in 0..<300 { queue.put(item) }
        var taken: [Int] = []
        for _ in 0..<150 { taken.append(queue.take()!) }
        for item in 300..<400 { queue.put(item) }
        queue.close()
        while let item = queue.take() { taken.append(item) }
        #expect(taken == Array(0..<400))
        #expect(queue.take() == nil, "a closed, drained queue stays empty")
    }

    @Test func closingWakesEveryWaitingConsumer() {
        let queue = BatchQueue<Int>()
        let results = Collected()
        let consumers: [@Sendable () -> Void] = (0..<3).map { _ in { results.add(queue.take() ?? -1) } }
        Self.onThreads(consumers + [{
            queue.put(7)
            queue.close()
        }])
        #expect(results.all.sorted() == [-1, -1, 7])
    }

    @Test func everyItemReachesExactlyOneOfSeveralConsumers() {
        let queue = BatchQueue<Int>()
        let results = Collected()
        let consumers: [@Sendable () -> Void] = (0..<4).map { _ in {
            while let item = queue.take() { results.add(item) }
        } }
        Self.onThreads(consumers + [{
            for item in 0..<20_000 { queue.put(item) }
            queue.close()
        }])
        #expect(results.all.sorted() == Array(0..<20_000))
    }

    @Test func theReorderBufferGivesResultsBackInSequence() {
        let buffer = ReorderBuffer<String>()
        buffer.put(2, "c")
        buffer.put(0, "a")
        buffer.put(1, "b")
        buffer.finish(count: 3)
        #expect([buffer.take(), buffer.take(), buffer.take()] == ["a", "b", "c"])
        #expect(buffer.take() == nil)
    }

    /// A consumer waits for the next sequence number however late it comes.
    @Test func theReorderBufferWaitsForTheNextInSequence() {
        let buffer = ReorderBuffer<Int>()
        let results = Collected()
        Self.onThreads([
            { for sequence in (0..<2_000).reversed() { buffer.put(sequence, sequence * 3) }; buffer.finish(count: 2_000) },
            { while let item = buffer.take() { results.add(item) } },
        ])
        #expect(results.all == (0..<2_000).map { $0 * 3 })
    }

    @Test func anEmptyReorderBufferEndsAtOnce() {
        let buffer = ReorderBuffer<Int>()
        buffer.finish(count: 0)
        #expect(buffer.take() == nil)
    }
}
