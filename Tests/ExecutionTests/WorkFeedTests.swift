import Execution
import Model
import Testing

/// Pins `ArrayFeed`, the `WorkFeed` of items known up front: everything in one batch, in
/// order, then exhausted for good.
@Suite struct WorkFeedTests {
    private let key = PackageKey(domain: "acme", repository: "r", format: .npm, package: "p")

    private func item(_ id: Int) -> WorkItem {
        WorkItem(key: key, segments: [WorkItem.Segment(requestID: id, versions: ["\(id).0.0"])])
    }

    @Test func givesEveryItemOnceInOrderThenIsExhausted() {
        let feed = ArrayFeed([item(3), item(1), item(2)])
        guard case .items(let items) = feed.poll() else { Issue.record("expected the items"); return }
        #expect(items.map { $0.segments[0].requestID } == [3, 1, 2])
        for _ in 0..<2 {
            guard case .exhausted = feed.poll() else { Issue.record("expected exhausted"); return }
        }
    }

    @Test func cancelAndTheReadyHandlerChangeNothing() {
        let feed = ArrayFeed([item(1)])
        feed.setReadyHandler { Issue.record("an array feed is never late") }
        feed.cancel()
        guard case .items(let items) = feed.poll() else { Issue.record("expected the items"); return }
        #expect(items.count == 1)
    }

    @Test func anEmptyFeedHandsOutAnEmptyBatchThenEnds() {
        let feed = ArrayFeed([])
        guard case .items(let items) = feed.poll() else { Issue.record("expected a batch"); return }
        #expect(items.isEmpty)
        guard case .exhausted = feed.poll() else { Issue.record("expected exhausted"); return }
    }
}
