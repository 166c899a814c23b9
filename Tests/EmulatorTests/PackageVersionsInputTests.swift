@testable import Emulator
import Model
import SigV4
import Testing

/// Pins `PackageVersionsInput.decode` per operation: which members each batch operation reads,
/// `targetStatus` required and limited for updates, and `versionRevisions` checked key by key.
@Suite struct PackageVersionsInputTests {
    private func decode(_ operation: Operation, _ body: String,
                        query: [QueryParameter] = EmulatorFixture.query()) -> Result<PackageVersionsInput, ServiceException> {
        PackageVersionsInput.decode(operation, query: query, body: Array(body.utf8))
    }

    private func message(_ result: Result<PackageVersionsInput, ServiceException>) -> String? {
        if case .failure(let error) = result { error.message } else { nil }
    }

    @Test func anUpdateReadsEveryMember() throws {
        let input = try decode(.updatePackageVersionsStatus,
                               #"{"versions":["1","2"],"versionRevisions":{"1":"R1"},"expectedStatus":"Published","targetStatus":"Archived"}"#).get()
        #expect(input.target == PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node"))
        #expect(input.versions == ["1", "2"])
        #expect(input.versionRevisions == ["1": "R1"])
        #expect(input.expectedStatus == .published)
        #expect(input.targetStatus == .archived)
    }

    @Test func aDisposeReadsRevisionsButNoTarget() throws {
        let input = try decode(.disposePackageVersions, #"{"versions":["1"],"versionRevisions":{"1":"R1"},"targetStatus":"Archived"}"#).get()
        #expect(input.versionRevisions == ["1": "R1"])
        #expect(input.targetStatus == nil)
    }

    @Test func aDeleteReadsNeitherRevisionsNorTarget() throws {
        let input = try decode(.deletePackageVersions, #"{"versions":["1"],"versionRevisions":{"1":"R1"},"targetStatus":"Archived"}"#).get()
        #expect(input.versionRevisions.isEmpty)
        #expect(input.targetStatus == nil)
    }

    @Test(arguments: [
        (#"{"versions":["1"]}"#, "Value null at 'targetStatus' failed to satisfy constraint: Member must not be null"),
        (#"{"versions":["1"],"targetStatus":null}"#, "Value null at 'targetStatus' failed to satisfy constraint: Member must not be null"),
        (#"{"versions":["1"],"targetStatus":"Deleted"}"#,
         "Value 'Deleted' at 'targetStatus' failed to satisfy constraint: Member must satisfy enum value set: [Archived, Published, Unlisted]"),
        (#"{"versions":["1"],"targetStatus":"Unfinished"}"#, "Member must satisfy enum value set: [Archived, Published, Unlisted]"),
        (#"{"versions":["1"],"targetStatus":7}"#, "at 'targetStatus' failed to satisfy constraint: Member must be a string, not"),
        (#"{"versions":["1"],"targetStatus":"Archived","versionRevisions":[]}"#, "at 'versionRevisions' failed to satisfy constraint: Member must be a map"),
        (#"{"versions":["1"],"targetStatus":"Archived","versionRevisions":{"1":5}}"#,
         "Value null at 'versionRevisions.1.value' failed to satisfy constraint: Member must be a string"),
        (#"{"versions":["1"],"targetStatus":"Archived","versionRevisions":{"a/b":"R"}}"#, "at 'versionRevisions.a/b.key'"),
        (#"{"versions":["1"],"targetStatus":"Archived","versionRevisions":{"1":"has space"}}"#, "at 'versionRevisions.1.value'"),
    ])
    func updatesAreValidated(body: String, mentions: String) {
        let found = message(decode(.updatePackageVersionsStatus, body))
        #expect(found?.contains(mentions) == true, "\(found ?? "accepted")")
    }

    @Test func everyFailureOfARequestIsReportedTogether() {
        let found = message(decode(.updatePackageVersionsStatus, #"{"versions":["1"],"expectedStatus":"Gone"}"#,
                                   query: EmulatorFixture.query(domain: "A")))
        #expect(found?.hasPrefix("3 validation errors detected: ") == true, "\(found ?? "accepted")")
    }

    @Test func theUpdatableStatusesAreTheModels() {
        #expect(PackageVersionsInput.targetStatuses == [.archived, .published, .unlisted])
        #expect(PackageVersionsInput.maxVersions == 100)
    }
}
