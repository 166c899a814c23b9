import Foundation
import Journal
import Plan
import TestSupport
import Testing
import JSONLines
import Model

@Suite struct PlanJournalTests {
    /// A real plan file and a journal written by the writer, loaded by plan path or journal path.
    @Test func loadsAPlanAndItsJournal() throws {
        let dir = try TemporaryDirectory()
        let lines = (0..<150).map { ManifestFixture.line(namespace: "types", package: "node", version: "18.0.\($0)") }
        let manifest = try dir.write("m.jsonl", ManifestFixture.text(lines))
        let planned = try Planner().plan([InputFile(manifest)]) { _ in }
        let planPath = dir.file("m.plan")
        try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
        let plan = try PlanFile.read(planPath)

        let empty = try PlanJournal.load(planPath)
        #expect(empty.journalName == nil)
        #expect(try empty.tally().states.pending == 150)

        let t = Timestamp(iso8601: "2026-03-04T10:00:00Z")!
        let opened = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "0.1.0", time: t)
        let request = plan.requests[0]
        try opened.writer.append(.intent(AttemptIntent(request: 1, attempt: 1, time: t, versions: request.versions)))
        try opened.writer.append(.answer(AttemptAnswer(
            request: 1, attempt: 1, time: t, latencyMilliseconds: 90, httpStatus: 200, serviceRequestId: "r",
            results: request.versions.map { VersionResult($0, .done(revision: nil)) })))
        try opened.writer.close()

        for path in [planPath, JournalFile.path(forPlan: planPath)] {
            let source = try PlanJournal.load(path)
            #expect(source.journalName == "m.plan.journal")
            let tally = try source.tally()
            #expect(tally.states.done == request.versions.count)
            #expect(tally.states.pending == 150 - request.versions.count)
            #expect(tally.statistics.answers == 1 && tally.pendingRequests == plan.requests.count - 1)
            #expect(source.planHeader.manifests.first?.name == manifest)
        }
    }

    @Test func aJournalOfAnotherPlanIsRefused() throws {
        let dir = try TemporaryDirectory()
        let manifest = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line()]))
        let planned = try Planner().plan([InputFile(manifest)]) { _ in }
        let planPath = dir.file("m.plan")
        try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
        let plan = try PlanFile.read(planPath)
        try JournalWriter.open(path: JournalFile.path(forPlan: planPath), planSHA256: String(repeating: "0", count: 64),
                               requests: plan.requests, cabatchVersion: "0.1.0", time: Timestamp(millisecondsSinceEpoch: 0))
            .writer.close()
        #expect { try PlanJournal.load(planPath) } throws: { ($0 as? JournalError)?.code == "journal-other-plan" }
    }
}
