import CodeArtifact
import Model

/// How a run behaves: concurrency, pacing, retries, and when to give up.
public struct ExecutionOptions: Sendable {
    /// Requests in flight at once (`--concurrency`).
    public var concurrency: Int = 16
    /// Starting and highest request rate per second (`--rate`).
    public var rate: Double = 50
    public var retry = RetryPolicy()
    /// Stop when permanent failures exceed this fraction of answered versions (`--max-failure-rate`)…
    public var maxFailureRate: Double = 0.5
    /// …once at least this many versions were answered.
    public var failureRateMinimum = 1_000
    /// The plan's operation: what every request asks of its versions.
    public var operation: BatchOperation = .delete
    /// Sent with every request the plan gives no expected status, so versions whose status
    /// changed are refused (`apply --expected-status`).
    public var expectedStatus: PackageVersionStatus?
    /// Stop (resumably) when attempts keep failing without any answer from the endpoint for
    /// this many seconds since its last answer (or since the start).
    public var silenceLimit: Double = 10
    /// Seed for backoff jitter; fixed in tests.
    public var seed: UInt64 = UInt64.random(in: 1...UInt64.max)

    public init() {}
}
