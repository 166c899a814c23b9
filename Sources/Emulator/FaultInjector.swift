import Foundation
import Model

/// Draws each request's faults from the seeded generator and the token buckets (one for
/// writes, one for reads).
///
/// Draws happen in a fixed order per request, so a sequential client sees the same faults for
/// the same seed. Requests share one generator, hence the lock.
final class FaultInjector: @unchecked Sendable {
    let configuration: FaultConfiguration
    private let lock = NSLock()
    private var generator: SplitMix64
    private var writeBucket: TokenBucket?
    private var readBucket: TokenBucket?
    private var sequence: UInt64 = 0

    init(_ configuration: FaultConfiguration) {
        self.configuration = configuration
        generator = SplitMix64(seed: configuration.seed)
        writeBucket = configuration.throttleTPS.map { TokenBucket(rate: $0) }
        readBucket = configuration.readThrottleTPS.map { TokenBucket(rate: $0) }
    }

    /// The faults for the next request to `operation` (`nil` when it names none); `now` is in
    /// seconds. Resets, errors and latency hit every request; lost answers and skips only writes.
    func decide(for operation: Operation?, now: Double) -> FaultDecision {
        lock.lock()
        defer { lock.unlock() }
        sequence += 1
        var decision = FaultDecision(sequence: sequence)
        let faults = configuration
        guard faults.isActive else { return decision }
        if faults.latencyMilliseconds > 0 || faults.latencyJitterMilliseconds > 0 {
            let jitter = faults.latencyJitterMilliseconds > 0 ? Int(generator.next() % UInt64(faults.latencyJitterMilliseconds + 1)) : 0
            decision.delayMilliseconds = faults.latencyMilliseconds + jitter
        }
        if faults.resetRate > 0, generator.unit() < faults.resetRate {
            decision.refusal = .reset
            return decision
        }
        let isWrite = operation?.isWrite == true
        if operation != nil, case .failure(let retryAfter) = takeToken(isWrite: isWrite, now: now) {
            decision.refusal = .throttled(retryAfterSeconds: retryAfter.seconds)
            return decision
        }
        if faults.errorRate > 0, generator.unit() < faults.errorRate {
            decision.refusal = .serverError
            return decision
        }
        guard isWrite else { return decision }
        if faults.skipRate > 0 {
            decision.skipSeed = generator.next()
        }
        if faults.lostResponseRate > 0, generator.unit() < faults.lostResponseRate {
            decision.lostResponse = generator.next() & 1 == 0 ? .serverError : .dropConnection
        }
        return decision
    }

    /// A token from the bucket of the request's kind; success when that kind has no limit.
    private func takeToken(isWrite: Bool, now: Double) -> Result<Void, TokenBucket.RetryAfter> {
        if isWrite {
            guard var bucket = writeBucket else { return .success(()) }
            defer { writeBucket = bucket }
            return bucket.take(now: now)
        }
        guard var bucket = readBucket else { return .success(()) }
        defer { readBucket = bucket }
        return bucket.take(now: now)
    }
}
