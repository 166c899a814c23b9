@testable import Execution
import Model
import Testing

@Suite struct DelayQueueTests {
    private func item(_ n: Int, notBefore: Double, versions: Int = 1) -> WorkItem {
        WorkItem(key: PackageKey(domain: "acme", domainOwner: nil, repository: "r1", format: .npm, namespace: nil, package: "p\(n)"),
                 segments: [WorkItem.Segment(requestID: n, versions: (0..<versions).map { "1.0.\($0)" })], notBefore: notBefore)
    }

    @Test func itemsComeOutEarliestFirst() {
        var queue = DelayQueue()
        var rng = SplitMix64(seed: 5)
        let times = (0..<200).map { _ in rng.unit() * 100 }
        for (n, time) in times.enumerated() { queue.push(item(n, notBefore: time)) }
        var out: [Double] = []
        while let next = queue.pop() { out.append(next.notBefore) }
        #expect(out == times.sorted())
        #expect(queue.isEmpty)
        #expect(queue.peek == nil)
    }

    @Test func peekShowsTheNextAndVersionsAreCounted() {
        var queue = DelayQueue()
        queue.push(item(1, notBefore: 3, versions: 2))
        queue.push(item(2, notBefore: 1, versions: 5))
        queue.push(item(3, notBefore: 2))
        #expect(queue.peek?.notBefore == 1)
        #expect(queue.versionCount == 8)
        _ = queue.pop()
        #expect(queue.peek?.notBefore == 2)
        #expect(queue.versionCount == 3)
    }
}
