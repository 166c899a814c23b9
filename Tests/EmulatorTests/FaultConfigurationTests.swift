import Emulator
import Testing

/// Pins `FaultConfiguration`: `--latency-ms` parsing and `isActive`, which every fault turns on.
@Suite struct FaultConfigurationTests {
    @Test func latencyOptionParses() {
        #expect(FaultConfiguration.parseLatency("20")! == (20, 0))
        #expect(FaultConfiguration.parseLatency("20:5")! == (20, 5))
        #expect(FaultConfiguration.parseLatency("x") == nil)
        #expect(FaultConfiguration.parseLatency("1:2:3") == nil)
    }

    @Test func latencyOptionRefusesNegativesAndEmptyParts() {
        #expect(FaultConfiguration.parseLatency("-1") == nil)
        #expect(FaultConfiguration.parseLatency("5:-1") == nil)
        #expect(FaultConfiguration.parseLatency("5:") == nil)
        #expect(FaultConfiguration.parseLatency("") == nil)
        #expect(FaultConfiguration.parseLatency("0:0")! == (0, 0))
    }

    @Test func everyFaultMakesItActive() {
        #expect(!FaultConfiguration().isActive)
        #expect(!FaultConfiguration(seed: 99).isActive, "a seed alone injects nothing")
        var expiring = FaultConfiguration()
        expiring.expireCredentialsAfter = 10
        let active = [
            FaultConfiguration(throttleTPS: 1), FaultConfiguration(readThrottleTPS: 1), FaultConfiguration(errorRate: 0.1),
            FaultConfiguration(lostResponseRate: 0.1), FaultConfiguration(resetRate: 0.1), FaultConfiguration(latencyMilliseconds: 1),
            FaultConfiguration(latencyJitterMilliseconds: 1), FaultConfiguration(skipRate: 0.1), expiring,
        ]
        #expect(active.allSatisfy { $0.isActive })
    }
}
