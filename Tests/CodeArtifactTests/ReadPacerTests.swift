import CodeArtifact
import Foundation
import Testing

/// Reads are paced and retried like writes, on a clock the test owns.
@Suite struct ReadPacerTests {
    /// Seconds that pass only when the pacer sleeps; every sleep is remembered.
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds = 1_000.0
        private var slept: [Double] = []
        var now: Double { lock.withLock { seconds } }
        var sleeps: [Double] { lock.withLock { slept } }
        func sleep(_ duration: Double) { lock.withLock { seconds += duration; slept.append(duration) } }
    }

    /// A read that fails with the given errors, in order, then answers its attempt number.
    final class ScriptedRead: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [any Error]
        private(set) var calls = 0
        init(_ errors: [any Error]) { self.errors = errors }
        func callAsFunction() throws -> Int {
            try lock.withLock {
                calls += 1
                if !errors.isEmpty { throw errors.removeFirst() }
                return calls
            }
        }
    }

    private func pacer(_ clock: FakeClock, rate: Double = 1_000, maxAttempts: Int = 8) -> ReadPacer {
        ReadPacer(rate: rate, policy: RetryPolicy(maxAttempts: maxAttempts), clock: { clock.now },
                  sleep: { clock.sleep($0) }, unit: { 0.5 })
    }

    private static func serverError() -> ServiceError {
        ServiceError(typeName: "InternalServerException", message: "try again", httpStatus: 500, requestID: "r", retryAfter: nil)
    }

    @Test func serverErrorsAreRetriedUntilTheReadAnswers() async throws {
        let clock = FakeClock()
        let read = ScriptedRead([Self.serverError(), Self.serverError()])
        let pacer = pacer(clock)
        let answer = try await pacer.perform { try read() }
        #expect(answer == 3)
        #expect(await pacer.statistics == ReadPacer.Statistics(attempts: 3, retries: 2, throttled: 0))
        // Full jitter at unit 0.5: half of 0.1 s, then half of 0.2 s.
        #expect(clock.sleeps.filter { $0 > 0.01 } == [0.05, 0.1])
    }

    @Test func aReadOutOfAttemptsThrowsTheLastError() async throws {
        let clock = FakeClock()
        let read = ScriptedRead(Array(repeating: Self.serverError(), count: 5))
        let pacer = pacer(clock, maxAttempts: 3)
        await #expect(throws: ServiceError.self) { try await pacer.perform { try read() } }
        #expect(read.calls == 3)
    }

    @Test func permanentAndRunWideErrorsAreNotRetried() async throws {
        for error in [
            ServiceError(typeName: "ResourceNotFoundException", message: "no package", httpStatus: 404, requestID: nil, retryAfter: nil),
            ServiceError(typeName: "AccessDeniedException", message: "denied", httpStatus: 403, requestID: nil, retryAfter: nil),
        ] {
            let read = ScriptedRead([error])
            await #expect(throws: ServiceError.self) { try await pacer(FakeClock()).perform { try read() } }
            #expect(read.calls == 1, "\(error.code)")
        }
    }

    @Test func throttlingWaitsForRetryAfterAndCounts() async throws {
        let clock = FakeClock()
        let throttled = ServiceError(typeName: "ThrottlingException", message: "slow down", httpStatus: 429, requestID: nil, retryAfter: 3)
        let read = ScriptedRead([throttled])
        let pacer = pacer(clock)
        let start = clock.now
        #expect(try await pacer.perform { try read() } == 2)
        #expect(clock.now - start >= 3)
        #expect(await pacer.statistics.throttled == 1)
    }

    @Test func readsArePacedAtTheirOwnRate() async throws {
        let clock = FakeClock()
        let pacer = pacer(clock, rate: 10)
        let start = clock.now
        for _ in 0..<21 { _ = try await pacer.perform { 0 } }
        // One token at the start, then one every 0.1 s.
        #expect(abs((clock.now - start) - 2.0) < 0.01)
    }
}
