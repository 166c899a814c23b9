/// Which faults the emulator injects and how often; all off by default, all combinable, all
/// drawn from one seeded generator.
public struct FaultConfiguration: Sendable, Hashable {
    /// Write requests a second before `ThrottlingException`; `nil` for no limit.
    public var throttleTPS: Double?
    /// Read requests (lists, describes) a second before `ThrottlingException`, from a bucket of
    /// their own as the service's per-operation quotas are; `nil` for no limit.
    public var readThrottleTPS: Double?
    /// Share of requests answered `InternalServerException` before any work.
    public var errorRate: Double = 0
    /// Share of write requests whose work is done but whose answer is lost (a 500 or a dropped connection).
    public var lostResponseRate: Double = 0
    /// Share of requests whose connection is closed with no answer and no work.
    public var resetRate: Double = 0
    /// Added to every answer.
    public var latencyMilliseconds: Int = 0
    /// Up to this much more, drawn uniformly.
    public var latencyJitterMilliseconds: Int = 0
    /// Share of versions answered `SKIPPED` with nothing done.
    public var skipRate: Double = 0
    /// After this many requests, every request is refused with `ExpiredTokenException`: the
    /// caller's temporary credentials ran out mid-run. `nil` for never.
    public var expireCredentialsAfter: Int?
    public var seed: UInt64 = 1

    public init(throttleTPS: Double? = nil, readThrottleTPS: Double? = nil, errorRate: Double = 0, lostResponseRate: Double = 0, resetRate: Double = 0,
                latencyMilliseconds: Int = 0, latencyJitterMilliseconds: Int = 0, skipRate: Double = 0, seed: UInt64 = 1) {
        self.throttleTPS = throttleTPS
        self.readThrottleTPS = readThrottleTPS
        self.errorRate = errorRate
        self.lostResponseRate = lostResponseRate
        self.resetRate = resetRate
        self.latencyMilliseconds = latencyMilliseconds
        self.latencyJitterMilliseconds = latencyJitterMilliseconds
        self.skipRate = skipRate
        self.seed = seed
    }

    /// Parses `N` or `N:JITTER` (milliseconds), as `--latency-ms` takes it.
    public static func parseLatency(_ text: String) -> (milliseconds: Int, jitter: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let base = Int(parts[0]), base >= 0 else { return nil }
        guard parts.count == 2 else { return (base, 0) }
        guard let jitter = Int(parts[1]), jitter >= 0 else { return nil }
        return (base, jitter)
    }

    /// Whether any fault can happen.
    public var isActive: Bool {
        throttleTPS != nil || readThrottleTPS != nil || errorRate > 0 || lostResponseRate > 0 || resetRate > 0
            || latencyMilliseconds > 0 || latencyJitterMilliseconds > 0 || skipRate > 0 || expireCredentialsAfter != nil
    }
}
