import CodeArtifact
import Emulator
import Foundation
import Model
import SigV4
import Testing

/// Pins what the core does with each injected fault: what a throttle, error, reset, lost
/// answer, skip or delay does to the answer and to the inventory.
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

    @Test func readsSpendABucketOfTheirOwn() throws {
        let core = try core(FaultConfiguration(readThrottleTPS: 2))
        let reads = [fixture.list(), fixture.describe("1"), fixture.listPackages(
            [QueryParameter("domain", "acme"), QueryParameter("repository", "npm-store")])]
        let answers = try reads.map { try #require(Answer(core.handle($0))) }
        #expect(answers.map(\.status) == [200, 200, 429])
        #expect(answers[2].errorType == "ThrottlingException")
        guard case .respond(let response) = core.handle(fixture.listRepositories([QueryParameter("domain", "acme")])).action
        else { Issue.record("no answer"); return }
        #expect(response.status == 429)
        #expect(response.header("Retry-After") == "1")
        // Writes are not throttled by it, and do not spend its tokens.
        let writes = try (0..<5).map { try #require(Answer(core.handle(fixture.delete(["\($0)"])))).status }
        #expect(writes == [200, 200, 200, 200, 200])
        #expect(deletes(core) == 5)
        let later = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]),
                                             configuration: EmulatorConfiguration(faults: FaultConfiguration(readThrottleTPS: 2)),
                                             now: EmulatorFixture.start.addingTimeInterval(1))
        #expect(Answer(later.handle(fixture.list()))?.status == 200)
    }

    @Test func theWriteThrottleLeavesReadsAlone() throws {
        let core = try core(FaultConfiguration(throttleTPS: 1, readThrottleTPS: 100))
        let writes = try (0..<2).map { try #require(Answer(core.handle(fixture.delete(["\($0)"])))).status }
        #expect(writes == [200, 429])
        let reads = try (0..<10).map { _ in try #require(Answer(core.handle(fixture.list()))).status }
        #expect(reads == Array(repeating: 200, count: 10))
    }

    @Test func theClientSeesAReadThrottleAsThrottlingException() async throws {
        let faults = FaultConfiguration(readThrottleTPS: 1)
        try await ClientHarness.with(rows: EmulatorFixture.rows([("1", nil)]), configuration: EmulatorConfiguration(faults: faults)) { harness in
            let package = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")
            var throttled: ServiceError?
            // A bucket of one request a second: on a busy machine a second can pass between two tries.
            for _ in 0..<20 where throttled == nil {
                throttled = try await harness.error(DescribePackageVersion(package: package, version: "1"))
            }
            let error = try #require(throttled)
            #expect(error.type == .throttling)
            #expect(error.httpStatus == 429)
            #expect(error.retryAfter == 1)
            // The write budget is untouched.
            let deleted = try await harness.client.send(DeletePackageVersions(package: package, versions: ["1"]))
            #expect(deleted.successfulVersions["1"]?.status == .deleted)
        }
    }

    @Test func errorsResetsAndLatencyHitReadsButLostAnswersDoNot() throws {
        let failing = try core(FaultConfiguration(errorRate: 1))
        #expect(Answer(failing.handle(fixture.describe("1")))?.errorType == "InternalServerException")
        #expect(Answer(failing.handle(fixture.listRepositories([QueryParameter("domain", "acme")])))?.status == 500)
        let resetting = try core(FaultConfiguration(resetRate: 1))
        guard case .closeConnection = resetting.handle(fixture.list()).action else { Issue.record("answered"); return }
        let slow = try core(FaultConfiguration(latencyMilliseconds: 15))
        #expect(slow.handle(fixture.describe("1")).delayMilliseconds == 15)
        let losing = try core(FaultConfiguration(lostResponseRate: 1))
        for _ in 0..<5 {
            let outcome = losing.handle(fixture.listPackages([QueryParameter("domain", "acme"), QueryParameter("repository", "npm-store")]))
            #expect(Answer(outcome)?.status == 200)
            #expect(outcome.logEntry.fault == nil)
        }
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
}
