/// Items waiting for their backoff to pass, earliest first (a binary heap).
struct DelayQueue {
    private var heap: [WorkItem] = []

    var isEmpty: Bool { heap.isEmpty }
    var peek: WorkItem? { heap.first }
    var versionCount: Int { heap.reduce(0) { $0 + $1.versionCount } }

    mutating func push(_ item: WorkItem) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].notBefore < heap[parent].notBefore else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> WorkItem? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].notBefore < heap[smallest].notBefore { smallest = left }
            if right < heap.count && heap[right].notBefore < heap[smallest].notBefore { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
