@testable import Execution
import Model
import Testing

/// Pins `WorkItem`: its versions across segments, retries restricted to some of them, and the
/// call it is sent as (revisions only for the versions sent, the plan's expected status first).
@Suite struct WorkItemTests {
    private let key = PackageKey(domain: "acme", domainOwner: nil, repository: "r1", format: .npm, namespace: nil, package: "left-pad")

    @Test func aRetryKeepsOnlyItsVersionsUnderTheirOwnRequests() {
        let item = WorkItem(key: key, segments: [WorkItem.Segment(requestID: 4, versions: ["1", "2"]),
                                                 WorkItem.Segment(requestID: 9, versions: ["3", "4", "5"])],
                            attempts: 2, priorAttempts: 1, notBefore: 7)
        #expect(item.versions == ["1", "2", "3", "4", "5"])
        #expect(item.versionCount == 5)
        let retry = item.restricted(to: ["5", "3"])
        // Request 4 had none of them left, so the retry speaks for request 9 only.
        #expect(retry.segments == [WorkItem.Segment(requestID: 9, versions: ["3", "5"])])
        #expect(retry.attempts == 2 && retry.priorAttempts == 1 && retry.notBefore == 7 && retry.key == key)
        #expect(item.restricted(to: []).segments.isEmpty)
    }

    @Test func theCallSendsTheRevisionsOfItsOwnVersionsOnly() {
        let item = WorkItem(key: key, segments: [WorkItem.Segment(requestID: 1, versions: ["1", "2"])],
                            revisions: ["1": "R1", "3": "R3"])
        let call = item.call(.archive, defaultExpectedStatus: nil)
        #expect(call.versions == ["1", "2"])
        #expect(call.versionRevisions == ["1": "R1"], "3 is not sent, 2 has no revision")
        let retry = item.restricted(to: ["2"]).call(.archive, defaultExpectedStatus: nil)
        #expect(retry.versionRevisions == nil, "none of the versions sent has a revision")
        #expect(item.call(.delete, defaultExpectedStatus: nil).versionRevisions == nil, "a delete takes no revisions")
    }

    @Test func thePlansExpectedStatusWinsOverTheDefault() {
        let planned = WorkItem(key: key, segments: [WorkItem.Segment(requestID: 1, versions: ["1"])], expectedStatus: .unlisted)
        #expect(planned.call(.delete, defaultExpectedStatus: .published).expectedStatus == .unlisted)
        let unplanned = WorkItem(key: key, segments: [WorkItem.Segment(requestID: 1, versions: ["1"])])
        #expect(unplanned.call(.delete, defaultExpectedStatus: .published).expectedStatus == .published)
        #expect(unplanned.call(.delete, defaultExpectedStatus: nil).expectedStatus == nil)
        #expect(unplanned.call(.restore, defaultExpectedStatus: nil).operation == .restore)
        #expect(unplanned.call(.restore, defaultExpectedStatus: nil).key == key)
    }

    @Test func anEarlierAttemptMayHaveCarriedItOut() {
        let segments = [WorkItem.Segment(requestID: 1, versions: ["1"])]
        #expect(!WorkItem(key: key, segments: segments, attempts: 1).mayHaveBeenCarriedOut)
        #expect(WorkItem(key: key, segments: segments, attempts: 2).mayHaveBeenCarriedOut)
        #expect(WorkItem(key: key, segments: segments, attempts: 1, priorAttempts: 1).mayHaveBeenCarriedOut)
    }
}
