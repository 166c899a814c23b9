@testable import Emulator
import Testing

/// Pins `FaultInjector.decide`: requests numbered from 1, nothing drawn while no fault is on,
/// which faults reach reads and which only writes, one bucket per kind, and the same
/// decisions for the same seed.
@Suite struct FaultInjectorTests {
    @Test func withoutFaultsEveryDecisionIsClean() {
        let injector = FaultInjector(FaultConfiguration())
        let decisions = (0..<5).map { injector.decide(for: .deletePackageVersions, now: Double($0)) }
        #expect(decisions.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(decisions.allSatisfy { $0.refusal == nil && $0.lostResponse == nil && $0.skipSeed == nil && $0.delayMilliseconds == 0 })
    }

    @Test func throttlingSpendsTheBucketOfTheRequestsKind() {
        let injector = FaultInjector(FaultConfiguration(throttleTPS: 1, readThrottleTPS: 2))
        #expect(injector.decide(for: .deletePackageVersions, now: 0).refusal == nil)
        #expect(injector.decide(for: .updatePackageVersionsStatus, now: 0).refusal == .throttled(retryAfterSeconds: 1))
        #expect(injector.decide(for: .listPackages, now: 0).refusal == nil)
        #expect(injector.decide(for: .describePackageVersion, now: 0).refusal == nil)
        #expect(injector.decide(for: .listPackageVersions, now: 0).refusal == .throttled(retryAfterSeconds: 1))
        // A request naming no operation spends nothing.
        #expect(injector.decide(for: nil, now: 0).refusal == nil)
        #expect(injector.decide(for: .disposePackageVersions, now: 1).refusal == nil)
    }

    @Test func lostAnswersAndSkipsOnlyHitWrites() {
        let injector = FaultInjector(FaultConfiguration(lostResponseRate: 1, skipRate: 1))
        for operation in Operation.allCases {
            let decision = injector.decide(for: operation, now: 0)
            #expect((decision.lostResponse != nil) == operation.isWrite, "\(operation)")
            #expect((decision.skipSeed != nil) == operation.isWrite, "\(operation)")
        }
        #expect(injector.decide(for: nil, now: 0).lostResponse == nil)
    }

    @Test func aResetWinsOverEverythingElse() {
        let injector = FaultInjector(FaultConfiguration(throttleTPS: 1, errorRate: 1, lostResponseRate: 1, resetRate: 1, skipRate: 1))
        for operation in Operation.allCases {
            let decision = injector.decide(for: operation, now: 0)
            #expect(decision.refusal == .reset)
            #expect(decision.lostResponse == nil && decision.skipSeed == nil)
        }
    }

    @Test func errorsHitEveryRequestBeforeAnyLostAnswer() {
        let injector = FaultInjector(FaultConfiguration(errorRate: 1, lostResponseRate: 1))
        for operation in Operation.allCases + [nil] {
            let decision = injector.decide(for: operation, now: 0)
            #expect(decision.refusal == .serverError && decision.lostResponse == nil)
        }
    }

    @Test func latencyIsTheBasePlusJitterInRange() {
        let fixed = FaultInjector(FaultConfiguration(latencyMilliseconds: 25))
        #expect((0..<10).allSatisfy { _ in fixed.decide(for: .listPackages, now: 0).delayMilliseconds == 25 })
        let jittery = FaultInjector(FaultConfiguration(latencyMilliseconds: 10, latencyJitterMilliseconds: 3, seed: 5))
        let delays = Set((0..<200).map { _ in jittery.decide(for: nil, now: 0).delayMilliseconds })
        #expect(delays == [10, 11, 12, 13])
    }

    @Test func theSameSeedDecidesTheSame() {
        func decisions(_ seed: UInt64) -> [FaultDecision] {
            let injector = FaultInjector(FaultConfiguration(errorRate: 0.2, lostResponseRate: 0.3, resetRate: 0.1,
                                                            latencyJitterMilliseconds: 50, skipRate: 0.1, seed: seed))
            return (0..<100).map { injector.decide(for: $0 % 3 == 0 ? .listPackages : .deletePackageVersions, now: 0) }
        }
        #expect(decisions(3) == decisions(3))
        #expect(decisions(3) != decisions(4))
        let kinds = Set(decisions(3).compactMap(\.logName))
        #expect(kinds == ["reset", "error", "lost-500", "lost-drop"])
    }
}
