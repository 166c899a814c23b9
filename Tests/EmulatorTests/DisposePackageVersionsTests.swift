import CodeArtifact
import Emulator
import Foundation
import Manifest
import Model
import SigV4
import Testing

@Suite(.timeLimit(.minutes(1))) struct DisposePackageVersionsTests {
    let fixture = EmulatorFixture()
    static let node = UpdatePackageVersionsStatusTests.node

    static func rows() -> [ManifestRow] { UpdatePackageVersionsStatusTests.rows() }

    static func states(_ inventory: Inventory) -> [String: StoredVersion] {
        UpdatePackageVersionsStatusTests.states(inventory)
    }

    @Test func disposesAnyLiveStatusWithANewRevision() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let answer = try await harness.client.send(DisposePackageVersions(package: Self.node, versions: ["1.0.0", "2.0.0", "3.0.0"]))
            #expect(answer.failedVersions.isEmpty)
            #expect(answer.successfulVersions.mapValues(\.status) == ["1.0.0": .disposed, "2.0.0": .disposed, "3.0.0": .disposed])
            for version in ["1.0.0", "2.0.0", "3.0.0"] {
                #expect(answer.successfulVersions[version]?.revision != before[version]?.revision)
            }
            let after = Self.states(harness.inventory)
            #expect(["1.0.0", "2.0.0", "3.0.0"].allSatisfy { after[$0]?.status == "Disposed" && after[$0]?.changes == 1 })
            #expect(after["1.0.1"] == before["1.0.1"])
            let described = try await harness.client.send(DescribePackageVersion(package: Self.node, version: "2.0.0"))
            #expect(described.status == "Disposed")
            #expect(described.revision == answer.successfulVersions["2.0.0"]?.revision)

            // A disposed version can still be deleted, and only that.
            let update = try await harness.client.send(UpdatePackageVersionsStatus(package: Self.node, versions: ["1.0.0"],
                                                                                    targetStatus: .published))
            #expect(update.failedVersions["1.0.0"]?.code == .notAllowed)
            let deleted = try await harness.client.send(DeletePackageVersions(package: Self.node, versions: ["1.0.0"],
                                                                              expectedStatus: .disposed))
            #expect(deleted.successfulVersions["1.0.0"]?.status == .deleted)
            #expect(Self.states(harness.inventory)["1.0.0"]?.deletes == 1)
        }
    }

    @Test func disposingADisposedVersionIsNotAllowedAndSkipsTheRest() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let answer = try await harness.client.send(DisposePackageVersions(package: Self.node, versions: ["1.0.0", "4.0.0", "1.0.1"]))
            #expect(answer.successfulVersions.isEmpty)
            #expect(answer.failedVersions["4.0.0"] == PackageVersionFailure(errorCode: .notAllowed,
                                                                            errorMessage: "version 4.0.0 is already Disposed"))
            #expect(answer.failedVersions["1.0.0"]?.code == .skipped)
            #expect(answer.failedVersions["1.0.1"]?.code == .skipped)
            #expect(answer.outcome(of: "4.0.0") == .failed(code: "NOT_ALLOWED", message: "version 4.0.0 is already Disposed"))
            #expect(Self.states(harness.inventory) == before)
        }
    }

    @Test func preconditionsComeBeforeTheOperationsRule() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let before = Self.states(harness.inventory)
            let status = try await harness.client.send(DisposePackageVersions(package: Self.node, versions: ["1.0.0", "2.0.0"],
                                                                              expectedStatus: .published))
            #expect(status.failedVersions["2.0.0"]?.errorMessage == "current status: Unlisted, expected status: Published")
            #expect(status.failedVersions["1.0.0"]?.code == .skipped)
            // A disposed version whose expected status says otherwise is a mismatch, not NOT_ALLOWED.
            let disposed = try await harness.client.send(DisposePackageVersions(package: Self.node, versions: ["4.0.0"],
                                                                                expectedStatus: .archived))
            #expect(disposed.failedVersions["4.0.0"]?.code == .mismatchedStatus)
            let revision = try await harness.client.send(DisposePackageVersions(
                package: Self.node, versions: ["1.0.0", "1.0.1"],
                versionRevisions: ["1.0.0": before["1.0.0"]!.revision, "1.0.1": before["1.0.0"]!.revision]))
            #expect(revision.failedVersions["1.0.1"]?.code == .mismatchedRevision)
            #expect(revision.failedVersions["1.0.0"]?.code == .skipped)
            #expect(Self.states(harness.inventory) == before)

            let matching = try await harness.client.send(DisposePackageVersions(
                package: Self.node, versions: ["1.0.0", "1.0.1"], versionRevisions: ["1.0.0": before["1.0.0"]!.revision,
                                                                                   "1.0.1": before["1.0.1"]!.revision],
                expectedStatus: .published))
            #expect(matching.successfulVersions.count == 2)
        }
    }

    @Test func aRetryAfterALostAnswerMeetsNotAllowed() async throws {
        let lossy = EmulatorConfiguration(faults: FaultConfiguration(lostResponseRate: 1, seed: 9))
        let core = try EmulatorFixture.core(Self.rows(), configuration: lossy)
        let first = core.handle(disposeRequest(["1.0.0", "1.0.1"]))
        #expect(first.logEntry.fault?.hasPrefix("lost-") == true)
        #expect(first.logEntry.operation == "DisposePackageVersions")
        if case .respond(let response) = first.action { #expect(response.status == 500) }
        let done = Self.states(core.inventory)
        #expect(done["1.0.0"]?.status == "Disposed" && done["1.0.0"]?.changes == 1)
        #expect(done["1.0.1"]?.status == "Disposed" && done["1.0.1"]?.changes == 1)

        let healthy = EmulatorCore(configuration: EmulatorConfiguration(), inventory: core.inventory, clock: .fixed(EmulatorFixture.start))
        let retry = try #require(Answer(healthy.handle(disposeRequest(["1.0.0", "1.0.1"]))))
        #expect(retry.failed["1.0.0"]?["errorCode"] == "NOT_ALLOWED")
        #expect(retry.failed["1.0.1"]?["errorCode"] == "NOT_ALLOWED")
        #expect(Self.states(core.inventory) == done)
    }

    @Test func theStateFileCountsChanges() throws {
        let core = try EmulatorFixture.core(Self.rows())
        _ = core.handle(disposeRequest(["1.0.2"]))
        let lines = String(decoding: core.inventory.stateLines(), as: UTF8.self).split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let disposed = try #require(objects.first { $0["version"] as? String == "1.0.2" })
        #expect(disposed["status"] as? String == "Disposed")
        #expect(disposed["changes"] as? Int == 1)
        #expect(disposed["deletes"] as? Int == 0)
        // Today's members, unchanged, then the count.
        #expect(Set(disposed.keys) == ["domain", "domainOwner", "repository", "format", "namespace", "package", "version",
                                       "status", "revision", "deletes", "changes"])
        #expect(objects.filter { $0["changes"] as? Int == 1 }.count == 1)
    }

    @Test(arguments: [
        (#"{}"#, "Value null at 'versions'"),
        (#"{"versions":["1.0.0"],"expectedStatus":"Gone"}"#, "at 'expectedStatus'"),
        (#"{"versions":["1.0.0"],"versionRevisions":"r"}"#, "at 'versionRevisions' failed to satisfy constraint: Member must be a map"),
        (#"{"versions":["1.0.0"],"versionRevisions":{"1.0.0":""}}"#, "at 'versionRevisions.1.0.0.value'"),
    ])
    func invalidBodiesAreValidationExceptions(body: String, mentions: String) throws {
        let core = try EmulatorFixture.core(Self.rows())
        let request = fixture.signed(path: "/v1/package/versions/dispose", query: EmulatorFixture.query(), body: body)
        let answer = try #require(Answer(core.handle(request)))
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains(mentions), "\(answer.message)")
    }

    @Test func aDeleteIgnoresMembersItsModelLacks() throws {
        // DeletePackageVersions has no versionRevisions: a stale one there changes nothing.
        let core = try EmulatorFixture.core(Self.rows())
        let request = fixture.signed(path: "/v1/package/versions/delete", query: EmulatorFixture.query(),
                                     body: #"{"versions":["1.0.0"],"versionRevisions":{"1.0.0":"stale"}}"#)
        let answer = try #require(Answer(core.handle(request)))
        #expect(answer.successful["1.0.0"]?["status"] == "Deleted")
    }

    private func disposeRequest(_ versions: [String]) -> SigningRequest {
        let list = versions.map { "\"\($0)\"" }.joined(separator: ",")
        return fixture.signed(path: "/v1/package/versions/dispose", query: EmulatorFixture.query(), body: "{\"versions\":[\(list)]}")
    }
}
