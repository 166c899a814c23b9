import Journal
import Report
import Testing

@Suite struct ReportDataTests {
    @Test func aggregatesTheFixture() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        #expect(data.totals.done == 7 && data.totals.absent == 3 && data.totals.failed == 3 && data.totals.pending == 1)
        #expect(data.planned.versions == 14)
        // Run 1 from 0 s to its last record at 2 s; run 2 from 100 s to 104 s.
        #expect(data.activeSeconds == 6)
        #expect(data.shards[0].runs.map(\.outcome) == ["unfinished", "interrupted"])
        #expect(data.failures.map(\.code) == ["NOT_ALLOWED", "MISMATCHED_STATUS"])
        #expect(data.failures[0].count == 2)
        #expect(data.failures[0].examples == ["beta/maven-store maven/com.acme/core@1.0", "beta/maven-store maven/com.acme/core@1.1"])
        #expect(data.pendingReasons.map(\.code) == ["ConnectionReset"])
        #expect(data.requests.attempts == 7 && data.requests.retries == 3 && data.requests.answers == 6)
        #expect(data.requests.throttled == 1 && data.requests.transportErrors == 1 && data.requests.lostAnswers == 1)
        #expect(data.requests.absentAfterLostAnswer == 2)
        #expect(data.requests.latencyP50 == 180 && data.requests.latencyP99 == 5000)
        #expect(data.byRepository.map(\.name) == ["acme/npm-store", "acme/pypi-store", "beta/maven-store"])
        #expect(data.byDomain.map(\.name) == ["acme (111122223333)", "beta (444455556666)"])
        #expect(data.topPackages.first?.package == "npm/lodash" || data.topPackages.first?.package == "npm/types/node")
        #expect(data.throughput.buckets.reduce(0) { $0 + $1.settled } == 13)
    }

    @Test func shardsAddUp() throws {
        let one = try ReportFixture.source(planName: "a.plan")
        let two = try ReportFixture.source(planName: "b.plan")
        let data = try ReportData(sources: [one, two])
        #expect(data.totals.total == 28 && data.totals.done == 14)
        #expect(data.shards.map(\.plan) == ["a.plan", "b.plan"])
        // The two shards ran at the same time: active time does not double.
        #expect(data.activeSeconds == 6)
        #expect(data.byRepository[0].counts.total == 16)
    }

    @Test func planWithoutJournalIsAllPending() throws {
        let replay = JournalReplay(requests: ReportFixture.requests)
        let source = PlanJournal(planName: "p.plan", planHeader: ReportFixture.header, planSHA256: ReportFixture.planSHA,
                                  replay: replay, journalName: nil)
        let data = try ReportData(sources: [source])
        #expect(data.totals.pending == 14)
        #expect(data.activeSeconds == 0)
        #expect(data.pendingReasons.map(\.code) == ["never answered"])
        #expect(MarkdownReport.render(data).contains("14 versions are still pending"))
    }
}
