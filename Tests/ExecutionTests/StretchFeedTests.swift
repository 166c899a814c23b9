import Execution
import Foundation
import Model
import Testing

/// Pins `StretchFeed`: batches in the producer's order, at most `ahead` made before they are
/// taken, a failure after the batches made before it, and a cancel that stops the producer.
@Suite(.timeLimit(.minutes(1))) struct StretchFeedTests {
    /// Counters the producer thread and the test share.
    final class Counters: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: Int] = [:]
        func add(_ name: String) { lock.withLock { values[name, default: 0] += 1 } }
        func value(_ name: String) -> Int { lock.withLock { values[name, default: 0] } }
    }

    struct Boom: Error, CustomStringConvertible {
        var description: String { "the plan could not be read" }
    }

    /// Waits (without asserting on how long it takes) until `condition` holds.
    private func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<5_000 where !condition() { try await Task.sleep(for: .milliseconds(2)) }
    }

    private func drain<E>(_ feed: StretchFeed<E>) throws -> [[E]] {
        var batches: [[E]] = []
        while let batch = try feed.waitForNext() { batches.append(batch) }
        return batches
    }

    @Test func batchesArriveInOrderAndEmptyOnesAreDropped() throws {
        let feed = StretchFeed<Int>(ahead: 2) { emit in
            try emit([1, 2])
            try emit([])
            try emit([3])
            try emit([4, 5, 6])
        }
        #expect(try drain(feed) == [[1, 2], [3], [4, 5, 6]])
        #expect(try feed.waitForNext() == nil, "a finished feed stays finished")
        guard case .exhausted = feed.poll() else { Issue.record("expected exhausted"); return }
    }

    @Test func pollSaysNotYetWhileTheProducerWorks() async throws {
        let gate = DispatchSemaphore(value: 0)
        let ready = Counters()
        let feed = StretchFeed<String>(ahead: 1) { emit in
            gate.wait()
            try emit(["a"])
        }
        feed.setReadyHandler { ready.add("ready") }
        guard case .notYet = feed.poll() else { Issue.record("nothing was produced yet"); return }
        gate.signal()
        try await eventually { ready.value("ready") >= 1 }
        #expect(ready.value("ready") >= 1, "the ready handler says when a batch is there")
        guard case .items(let batch) = feed.poll() else { Issue.record("expected the batch"); return }
        #expect(batch == ["a"])
        #expect(try feed.waitForNext() == nil)
    }

    @Test(arguments: [1, 2, 3])
    func theProducerStaysAtMostAheadBatchesAhead(ahead: Int) async throws {
        let counters = Counters()
        let feed = StretchFeed<Int>(ahead: ahead) { emit in
            for n in 0..<10 {
                counters.add("started")
                try emit([n])
                counters.add("emitted")
            }
        }
        // The producer has started the batch after the `ahead` it may hold, and waits in it.
        try await eventually { counters.value("started") == ahead + 1 }
        #expect(counters.value("started") == ahead + 1)
        #expect(counters.value("emitted") == ahead)
        _ = try feed.waitForNext()
        try await eventually { counters.value("started") == ahead + 2 }
        #expect(counters.value("emitted") == ahead + 1, "taking one lets exactly one more in")
        var rest: [[Int]] = []
        while let batch = try await feed.next() { rest.append(batch) }
        #expect(rest == (1..<10).map { [$0] })
    }

    @Test func aheadBelowOneMeansOne() async throws {
        let counters = Counters()
        let feed = StretchFeed<Int>(ahead: 0) { emit in
            for n in 0..<3 {
                counters.add("started")
                try emit([n])
                counters.add("emitted")
            }
        }
        try await eventually { counters.value("started") == 2 }
        #expect(counters.value("emitted") == 1)
        #expect(try drain(feed) == [[0], [1], [2]])
    }

    @Test func aFailureComesAfterTheBatchesMadeBeforeIt() throws {
        let feed = StretchFeed<Int>(ahead: 4) { emit in
            try emit([1])
            try emit([2])
            throw Boom()
        }
        #expect(try feed.waitForNext() == [1])
        #expect(try feed.waitForNext() == [2])
        #expect {
            try feed.waitForNext()
        } throws: { error in
            (error as? StretchFeedError)?.message == "the plan could not be read"
        }
        guard case .failed(let message) = feed.poll() else { Issue.record("expected the failure again"); return }
        #expect(message == "the plan could not be read")
    }

    @Test func cancelStopsTheProducerAndDropsWhatWasMade() async throws {
        let counters = Counters()
        let feed = StretchFeed<Int>(ahead: 1) { emit in
            do {
                for n in 0..<1_000 { try emit([n]) }
            } catch is CancellationError {
                counters.add("cancelled")
                throw CancellationError()
            }
            counters.add("finished")
        }
        #expect(try feed.waitForNext() == [0])
        feed.cancel()
        try await eventually { counters.value("cancelled") == 1 }
        #expect(counters.value("cancelled") == 1)
        #expect(counters.value("finished") == 0)
        // A cancelled producer ends the feed cleanly, not as a failure, and nothing made before is handed out.
        #expect(try feed.waitForNext() == nil)
    }

    @Test func itIsAWorkFeedForTheExecutor() throws {
        let key = PackageKey(domain: "acme", repository: "r", format: .npm, package: "p")
        let feed: any WorkFeed = StretchFeed<WorkItem> { emit in
            try emit([WorkItem(key: key, segments: [WorkItem.Segment(requestID: 1, versions: ["1"])])])
        }
        var taken: [WorkItem] = []
        while true {
            switch feed.poll() {
            case .items(let items): taken += items
            case .notYet: continue
            case .exhausted:
                #expect(taken.map(\.versions) == [["1"]])
                return
            case .failed(let message):
                Issue.record("failed: \(message)")
                return
            }
        }
    }
}
