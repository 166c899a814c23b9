import Plan

/// What a run still has to send, learnt from one replay of a plan against its journal, so that the
/// run can stream the plan file alone: which versions are pending and each request's last attempt.
///
/// A bit per request, set when none of its versions is pending (a fresh plan sets none); the
/// versions still pending of requests an earlier run left partly settled; and the last attempt
/// of requests with pending versions that were sent before. Memory grows with the requests an
/// interrupted run left partly done, not with the plan.
public struct PendingWork: Sendable, Equatable {
    private var settled: [UInt64]
    /// Request id → bit `i` set when its `i`-th version is pending (requests hold at most 100).
    private var partlyPending: [Int32: UInt128] = [:]
    /// Request id → its last attempt, for requests with pending versions that were sent before.
    private var lastAttempts: [Int32: Int32] = [:]

    /// Everything pending in a plan of `requestCount` requests, as before a first run.
    public init(requestCount: Int) {
        settled = Array(repeating: 0, count: (requestCount + 63) / 64)
    }

    /// Learns one stretch of the replay (stretches may come in any order, each once).
    public mutating func learn(_ replay: JournalReplay) {
        for r in 0..<replay.requests.count {
            let id = replay.requests.firstId + r
            let states = replay.states(request: id)
            let pendingCount = states.reduce(0) { $0 + ($1 == .pending ? 1 : 0) }
            if pendingCount == 0 {
                settled[(id - 1) / 64] |= 1 << UInt64((id - 1) % 64)
                continue
            }
            if pendingCount < states.count {
                var mask: UInt128 = 0
                for (i, state) in states.enumerated() where state == .pending { mask |= 1 << UInt128(i) }
                partlyPending[Int32(id)] = mask
            }
            let attempt = replay.nextAttempt(request: id) - 1
            if attempt > 0 { lastAttempts[Int32(id)] = Int32(clamping: attempt) }
        }
    }

    /// Whether version `offset` of request `id` still needs sending.
    public func isPending(request id: Int, offset: Int) -> Bool {
        guard settled[(id - 1) / 64] & (1 << UInt64((id - 1) % 64)) == 0 else { return false }
        guard let mask = partlyPending[Int32(id)] else { return true }
        return mask & (1 << UInt128(offset)) != 0
    }

    /// The attempt number the next attempt of request `id` carries.
    public func nextAttempt(request id: Int) -> Int { Int(lastAttempts[Int32(id)] ?? 0) + 1 }

    /// The work in `stretch` (a stretch of the plan this was learnt from) as the fewest requests,
    /// as `JournalReplay.pendingRequests()` makes them.
    public func pendingRequests(in stretch: PlanRequests) -> [BatchRequest] {
        stretch.batches { r, offset, _ in isPending(request: stretch.firstId + r, offset: offset) }
    }
}
