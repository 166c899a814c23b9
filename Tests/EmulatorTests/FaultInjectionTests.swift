import Emulator
import Foundation
import SigV4
import Testing

@Suite struct FaultInjectionTests {
    let fixture = EmulatorFixture()

    private func core(_ faults: FaultConfiguration) throws -> EmulatorCore {
        try EmulatorFixture.core(EmulatorFixture.rows((0..<50).map { ("\($0)", nil) }),
                                 configuration: EmulatorConfiguration(faults: faults))
    }

    private func deletes(_ core: EmulatorCore) -> Int {
        core.inventory.snapshot().reduce(0) { $0 + $1.deletes }
    }

    @Test func throttlingSpendsOneTokenPerWriteAndSaysWhenToRetry() throws {
        let core = try core(FaultConfiguration(throttleTPS: 2))
        let answers = try (0..<3).map { try #require(Answer(core.handle(fixture.delete(["\($0)"])))) }
        #expect(answers.map(\.status) == [200, 200, 429])
        #expect(answers[2].errorType == "ThrottlingException")
        guard case .respond(let response) = core.handle(fixture.delete(["9"])).action else { Issue.record(); return }
        #expect(response.header("Retry-After") == "1")
        // Reads are not throttled.
        #expect(Answer(core.handle(fixture.list()))?.status == 200)
        #expect(deletes(core) == 2)
    }

    @Test func errorsComeBeforeAnyWork() throws {
        let core = try core(FaultConfiguration(errorRate: 1))
        let answer = try #require(Answer(core.handle(fixture.delete(["1"]))))
        #expect(answer.status == 500)
        #expect(answer.errorType == "InternalServerException")
        #expect(deletes(core) == 0)
    }

    @Test func lostAnswersComeAfterTheWork() throws {
        let core = try core(FaultConfiguration(lostResponseRate: 1, seed: 7))
        var kinds = Set<String>()
        for version in 0..<20 {
            let outcome = core.handle(fixture.delete(["\(version)"]))
            switch outcome.action {
            case .closeConnection: kinds.insert("drop")
            case .respond(let response):
                #expect(response.status == 500)
                kinds.insert("500")
            }
            #expect(outcome.logEntry.fault?.hasPrefix("lost-") == true)
        }
        #expect(kinds == ["drop", "500"])
        #expect(deletes(core) == 20)
    }

    @Test func resetsCloseWithoutWork() throws {
        let core = try core(FaultConfiguration(resetRate: 1))
        let outcome = core.handle(fixture.delete(["1"]))
        guard case .closeConnection = outcome.action else { Issue.record("answered"); return }
        #expect(outcome.logEntry.fault == "reset")
        #expect(deletes(core) == 0)
    }

    @Test func skippedVersionsAreUntouched() throws {
        let core = try core(FaultConfiguration(skipRate: 0.5, seed: 3))
        let answer = try #require(Answer(core.handle(fixture.delete((0..<50).map(String.init)))))
        let skipped = answer.failed.filter { $0.value["errorCode"] == "SKIPPED" }.count
        #expect(skipped > 10 && skipped < 40)
        #expect(answer.successful.count + skipped == 50)
        #expect(deletes(core) == answer.successful.count)
    }

    @Test func latencyWithJitterStaysInRange() throws {
        let core = try core(FaultConfiguration(latencyMilliseconds: 20, latencyJitterMilliseconds: 10))
        for _ in 0..<20 {
            #expect((20...30).contains(core.handle(fixture.list()).delayMilliseconds))
        }
    }

    @Test func theSameSeedGivesTheSameFaults() throws {
        func pattern(_ seed: UInt64) throws -> [String] {
            let core = try core(FaultConfiguration(errorRate: 0.3, lostResponseRate: 0.3, resetRate: 0.1, seed: seed))
            return (0..<40).map { core.handle(fixture.delete(["\($0)"])).logEntry.fault ?? "-" }
        }
        #expect(try pattern(11) == pattern(11))
        #expect(try pattern(11) != pattern(12))
    }

    @Test func latencyOptionParses() {
        #expect(FaultConfiguration.parseLatency("20")! == (20, 0))
        #expect(FaultConfiguration.parseLatency("20:5")! == (20, 5))
        #expect(FaultConfiguration.parseLatency("x") == nil)
        #expect(FaultConfiguration.parseLatency("1:2:3") == nil)
    }
}
