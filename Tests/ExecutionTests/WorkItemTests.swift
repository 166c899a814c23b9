@testable import Execution
import Model
import Testing

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
}
