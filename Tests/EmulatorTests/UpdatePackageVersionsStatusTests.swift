import CodeArtifact
import Emulator
import Foundation
import Manifest
import Model
import SigV4
import Testing

@Suite(.timeLimit(.minutes(1))) struct UpdatePackageVersionsStatusTests {
    let fixture = EmulatorFixture()
    static let node = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")

    /// 1.0.0–1.0.3 Published, 2.0.0 Unlisted, 3.0.0 Archived, 4.0.0 Disposed, 5.0.0 Deleted.
    static func rows() -> [ManifestRow] {
        EmulatorFixture.rows([("1.0.0", nil), ("1.0.1", nil), ("1.0.2", nil), ("1.0.3", nil), ("2.0.0", "Unlisted"),
                              ("3.0.0", "Archived"), ("4.0.0", "Disposed"), ("5.0.0", "Deleted")])
    }

    /// Each version's status and change count, and its revision, by version.
    static func states(_ inventory: Inventory) -> [String: StoredVersion] {
        Dictionary(uniqueKeysWithValues: inventory.snapshot().map { ($0.version, $0) })
    }

    static func update(_ versions: [String], to target: PackageVersionStatus, expected: PackageVersionStatus? = nil,
                       revisions: [String: String]? = nil) -> UpdatePackageVersionsStatus {
        UpdatePackageVersionsStatus(package: node, versions: versions, targetStatus: target, versionRevisions: revisions,
                                    expectedStatus: expected)
    }

    @Test func archivesAndRestoresWithANewRevisionEachTime() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let archived = try await harness.client.send(Self.update(["1.0.0", "1.0.1"], to: .archived, expected: .published))
            #expect(archived.failedVersions.isEmpty)
            #expect(archived.successfulVersions.mapValues(\.status) == ["1.0.0": .archived, "1.0.1": .archived])
            let archivedRevision = try #require(archived.successfulVersions["1.0.0"]?.revision)
            #expect(archivedRevision != before["1.0.0"]?.revision)
            #expect(archivedRevision.count == 16)
            #expect(archived.successfulVersions["1.0.1"]?.revision != archivedRevision)

            // What the answer says is what every read says now.
            let described = try await harness.client.send(DescribePackageVersion(package: Self.node, version: "1.0.0"))
            #expect(described.status == "Archived")
            #expect(described.revision == archivedRevision)
            let listed = try await harness.client.send(ListPackageVersions(package: Self.node, status: .archived))
            #expect(listed.versions.map(\.version) == ["1.0.0", "1.0.1", "3.0.0"])
            #expect(listed.versions.first?.revision == archivedRevision)

            // Restore, on the revision the archive answered.
            let restored = try await harness.client.send(Self.update(["1.0.0"], to: .published, expected: .archived,
                                                                     revisions: ["1.0.0": archivedRevision]))
            #expect(restored.successfulVersions["1.0.0"]?.status == .published)
            #expect(restored.successfulVersions["1.0.0"]?.revision != archivedRevision)
            #expect(restored.successfulVersions["1.0.0"]?.revision != before["1.0.0"]?.revision)

            let after = Self.states(harness.inventory)
            #expect(after["1.0.0"]?.status == "Published")
            #expect(after["1.0.0"]?.changes == 2)
            #expect(after["1.0.1"]?.status == "Archived")
            #expect(after["1.0.1"]?.changes == 1)
            #expect(after["1.0.2"]?.changes == 0)
            #expect(after.values.allSatisfy { $0.deletes == 0 })
            // Unlisted and Archived versions can be unlisted and restored too.
            let unlisted = try await harness.client.send(Self.update(["1.0.2", "3.0.0"], to: .unlisted))
            #expect(unlisted.successfulVersions.mapValues(\.status) == ["1.0.2": .unlisted, "3.0.0": .unlisted])
        }
    }

    @Test func oneMismatchedVersionSkipsTheRestAndChangesNothing() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let answer = try await harness.client.send(Self.update(["1.0.0", "2.0.0", "1.0.1"], to: .archived, expected: .published))
            #expect(answer.successfulVersions.isEmpty)
            #expect(answer.failedVersions == [
                "2.0.0": PackageVersionFailure(errorCode: .mismatchedStatus, errorMessage: "current status: Unlisted, expected status: Published"),
                "1.0.0": PackageVersionFailure(errorCode: .skipped, errorMessage: "version 1.0.0 is skipped"),
                "1.0.1": PackageVersionFailure(errorCode: .skipped, errorMessage: "version 1.0.1 is skipped"),
            ])
            // The client's own reading: retry the skipped ones, leave the mismatched one alone.
            #expect(answer.outcome(of: "1.0.0") == .retryable(code: "SKIPPED", message: "version 1.0.0 is skipped"))
            #expect(answer.outcome(of: "2.0.0") == .changed(code: "MISMATCHED_STATUS",
                                                            message: "current status: Unlisted, expected status: Published"))
            #expect(Self.states(harness.inventory) == before)
        }
    }

    @Test(arguments: [
        // An unknown version, a deleted one, a disposed one: each stops the whole batch.
        ("9.9.9", "NOT_FOUND"), ("5.0.0", "NOT_FOUND"), ("4.0.0", "NOT_ALLOWED"),
    ])
    func aVersionThatCannotChangeSkipsTheRest(version: String, code: String) async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let answer = try await harness.client.send(Self.update(["1.0.0", version, "1.0.1"], to: .archived))
            #expect(answer.successfulVersions.isEmpty)
            #expect(answer.failedVersions[version]?.errorCode == code)
            #expect(answer.failedVersions["1.0.0"]?.code == .skipped)
            #expect(answer.failedVersions["1.0.1"]?.code == .skipped)
            #expect(Self.states(harness.inventory) == before)
        }
    }

    @Test func revisionsArePreconditions() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let right = try #require(before["1.0.0"]?.revision)
            let wrong = try await harness.client.send(Self.update(["1.0.0", "1.0.1"], to: .unlisted,
                                                                  revisions: ["1.0.0": right, "1.0.1": "stale"]))
            #expect(wrong.failedVersions["1.0.1"] == PackageVersionFailure(
                errorCode: .mismatchedRevision,
                errorMessage: "current revision: \(before["1.0.1"]!.revision), expected revision: stale"))
            #expect(wrong.failedVersions["1.0.0"]?.code == .skipped)
            #expect(Self.states(harness.inventory) == before)

            // A version without a revision in the map has none to match.
            let partial = try await harness.client.send(Self.update(["1.0.0", "1.0.1"], to: .unlisted, revisions: ["1.0.0": right]))
            #expect(partial.successfulVersions.count == 2)
        }
    }

    @Test func anUpdateToTheCurrentStatusChangesNothing() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let answer = try await harness.client.send(Self.update(["3.0.0"], to: .archived))
            #expect(answer.successfulVersions["3.0.0"] == SuccessfulPackageVersion(revision: before["3.0.0"]?.revision, status: .archived))
            #expect(Self.states(harness.inventory) == before)
        }
    }

    @Test func aLostAnswerLeavesTheChangeDone() async throws {
        let configuration = EmulatorConfiguration(faults: FaultConfiguration(lostResponseRate: 1, seed: 4))
        try await ClientHarness.with(rows: Self.rows(), configuration: configuration) { harness in
            await #expect(throws: (any Error).self) {
                _ = try await harness.client.send(Self.update(["1.0.0", "1.0.1"], to: .archived, expected: .published))
            }
            let after = Self.states(harness.inventory)
            #expect(after["1.0.0"]?.status == "Archived" && after["1.0.0"]?.changes == 1)
            #expect(after["1.0.1"]?.status == "Archived" && after["1.0.1"]?.changes == 1)
        }
        // The retry meets the change the lost answer did not report.
        let core = try EmulatorFixture.core(Self.rows(), configuration: configuration)
        let first = core.handle(updateRequest(["1.0.0"], target: "Archived", expected: "Published"))
        #expect(first.logEntry.fault?.hasPrefix("lost-") == true)
        #expect(first.logEntry.outcomes.map(\.outcome) == ["Archived"])
        let healthy = EmulatorCore(configuration: EmulatorConfiguration(), inventory: core.inventory, clock: .fixed(EmulatorFixture.start))
        let retry = try #require(Answer(healthy.handle(updateRequest(["1.0.0"], target: "Archived", expected: "Published"))))
        #expect(retry.failed["1.0.0"]?["errorCode"] == "MISMATCHED_STATUS")
        #expect(Self.states(core.inventory)["1.0.0"]?.changes == 1)
    }

    @Test func theWriteThrottleAppliesAndTheReadThrottleDoesNot() throws {
        let writes = try EmulatorFixture.core(Self.rows(), configuration: EmulatorConfiguration(faults: FaultConfiguration(throttleTPS: 1)))
        let statuses = try (0..<2).map { index in
            try #require(Answer(writes.handle(updateRequest(["1.0.\(index)"], target: "Unlisted")))).status
        }
        #expect(statuses == [200, 429])
        #expect(Self.states(writes.inventory)["1.0.1"]?.changes == 0)

        let reads = try EmulatorFixture.core(Self.rows(), configuration: EmulatorConfiguration(faults: FaultConfiguration(readThrottleTPS: 1)))
        let answers = try (0..<3).map { index in
            try #require(Answer(reads.handle(updateRequest(["1.0.\(index)"], target: "Unlisted")))).status
        }
        #expect(answers == [200, 200, 200])
    }

    @Test func skippedVersionsAreUntouched() throws {
        let rows = EmulatorFixture.rows((0..<50).map { ("\($0)", nil) })
        let core = try EmulatorFixture.core(rows, configuration: EmulatorConfiguration(faults: FaultConfiguration(skipRate: 0.5, seed: 3)))
        let outcome = core.handle(updateRequest((0..<50).map(String.init), target: "Archived"))
        let answer = try #require(Answer(outcome))
        let skipped = Set(answer.failed.filter { $0.value["errorCode"] == "SKIPPED" }.keys)
        #expect(skipped.count > 10 && skipped.count < 40)
        #expect(answer.successful.count + skipped.count == 50)
        #expect(outcome.logEntry.fault == "skip")
        let states = core.inventory.snapshot()
        #expect(states.filter { skipped.contains($0.version) }.allSatisfy { $0.status == "Published" && $0.changes == 0 })
        #expect(states.filter { !skipped.contains($0.version) }.allSatisfy { $0.status == "Archived" && $0.changes == 1 })
    }

    @Test(arguments: [
        (#"{"versions":["1.0.0"]}"#, "Value null at 'targetStatus' failed to satisfy constraint: Member must not be null"),
        (#"{"versions":["1.0.0"],"targetStatus":"Disposed"}"#,
         "Value 'Disposed' at 'targetStatus' failed to satisfy constraint: Member must satisfy enum value set: [Archived, Published, Unlisted]"),
        (#"{"versions":["1.0.0"],"targetStatus":"Unfinished"}"#, "at 'targetStatus'"),
        (#"{"versions":["1.0.0"],"targetStatus":"Deleted"}"#, "at 'targetStatus'"),
        (#"{"versions":["1.0.0"],"targetStatus":"archived"}"#, "at 'targetStatus'"),
        (#"{"versions":["1.0.0"],"targetStatus":"Archived","expectedStatus":"Gone"}"#, "at 'expectedStatus'"),
        (#"{"versions":["1.0.0"],"targetStatus":"Archived","versionRevisions":["r"]}"#, "at 'versionRevisions'"),
        (#"{"versions":["1.0.0"],"targetStatus":"Archived","versionRevisions":{"1.0.0":"a b"}}"#, "at 'versionRevisions.1.0.0.value'"),
        (#"{"versions":["1.0.0"],"targetStatus":"Archived","versionRevisions":{"1.0.0":3}}"#, "at 'versionRevisions.1.0.0.value'"),
        (#"{"versions":["1.0.0"],"targetStatus":"Archived","versionRevisions":{"a/b":"r"}}"#, "at 'versionRevisions.a/b.key'"),
        (#"{"targetStatus":"Archived"}"#, "Value null at 'versions'"),
    ])
    func invalidBodiesAreValidationExceptions(body: String, mentions: String) throws {
        let core = try EmulatorFixture.core(Self.rows())
        let request = fixture.signed(path: "/v1/package/versions/update_status", query: EmulatorFixture.query(), body: body)
        let answer = try #require(Answer(core.handle(request)))
        #expect(answer.status == 400)
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains(mentions), "\(answer.message)")
        #expect(core.inventory.snapshot().allSatisfy { $0.changes == 0 })
    }

    @Test func deniedAndUnknownRepositories() async throws {
        let configuration = EmulatorConfiguration(deniedRepositories: ["acme/npm-store"])
        try await ClientHarness.with(rows: Self.rows(), configuration: configuration) { harness in
            let denied = try #require(try await harness.error(Self.update(["1.0.0"], to: .archived)))
            #expect(denied.type == .accessDenied)
            #expect(denied.message?.contains("codeartifact:UpdatePackageVersionsStatus") == true)
            var elsewhere = Self.node
            elsewhere.repository = "nothing"
            let unknown = try #require(try await harness.error(UpdatePackageVersionsStatus(package: elsewhere, versions: ["1"],
                                                                                              targetStatus: .archived)))
            #expect(unknown.type == .resourceNotFound)
        }
    }

    private func updateRequest(_ versions: [String], target: String, expected: String? = nil) -> SigningRequest {
        let list = versions.map { "\"\($0)\"" }.joined(separator: ",")
        let status = expected.map { ",\"expectedStatus\":\"\($0)\"" } ?? ""
        return fixture.signed(path: "/v1/package/versions/update_status", query: EmulatorFixture.query(),
                              body: "{\"versions\":[\(list)],\"targetStatus\":\"\(target)\"\(status)}")
    }
}
