import CodeArtifact
import Emulator
import Execution
import Foundation
import Manifest
import Model
import TestSupport
import Testing

/// Pins `BatchCall` (revisions only for operations that take them), `apiCall` (the API call
/// each operation is carried out by), the transport's default completion form, and
/// `ClientTransport.status(of:)` (a version the service no longer knows is `Deleted`).
@Suite struct BatchTransportTests {
    private let key = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")

    @Test func aDeleteCarriesNoRevisions() {
        let call = BatchCall(operation: .delete, key: key, versions: ["1"], expectedStatus: .published, versionRevisions: ["1": "R1"])
        #expect(call.versionRevisions == nil)
        for operation in BatchOperation.allCases where operation != .delete {
            let kept = BatchCall(operation: operation, key: key, versions: ["1"], versionRevisions: ["1": "R1"])
            #expect(kept.versionRevisions == ["1": "R1"], "\(operation)")
        }
    }

    @Test func deleteIsDeletePackageVersions() throws {
        let call = BatchCall(operation: .delete, key: key, versions: ["1", "2"], expectedStatus: .unlisted)
        let api = try #require(call.apiCall as? DeletePackageVersions)
        #expect(api == DeletePackageVersions(package: key, versions: ["1", "2"], expectedStatus: .unlisted))
    }

    @Test(arguments: [BatchOperation.archive, .unlist, .restore])
    func statusChangesAreUpdatePackageVersionsStatusToTheOperationsStatus(operation: BatchOperation) throws {
        let call = BatchCall(operation: operation, key: key, versions: ["1"], expectedStatus: .published, versionRevisions: ["1": "R1"])
        let api = try #require(call.apiCall as? UpdatePackageVersionsStatus)
        #expect(api == UpdatePackageVersionsStatus(package: key, versions: ["1"], targetStatus: operation.targetStatus,
                                                   versionRevisions: ["1": "R1"], expectedStatus: .published))
    }

    @Test func disposeIsDisposePackageVersions() throws {
        let call = BatchCall(operation: .dispose, key: key, versions: ["1", "2"], expectedStatus: .archived,
                             versionRevisions: ["2": "R2"])
        let api = try #require(call.apiCall as? DisposePackageVersions)
        #expect(api == DisposePackageVersions(package: key, versions: ["1", "2"], versionRevisions: ["2": "R2"],
                                              expectedStatus: .archived))
        #expect(String(decoding: try api.serviceRequest().body, as: UTF8.self)
            == #"{"expectedStatus":"Archived","versionRevisions":{"2":"R2"},"versions":["1","2"]}"#)
    }

    /// Answers from the `async` form only, so the default completion form is what is under test.
    struct AsyncOnly: BatchTransport {
        struct Refused: Error {}
        func send(_ call: BatchCall) async throws -> PackageVersionsOutput {
            if call.versions == ["refuse"] { throw Refused() }
            return PackageVersionsOutput(result: PackageVersionsResult(), httpStatus: 200, requestID: call.versions.joined())
        }
        func status(of key: PackageKey, version: String) async throws -> PackageVersionStatus? { nil }
    }

    @Test func theCompletionFormAnswersOnceWithTheAsyncResult() async {
        let transport = AsyncOnly()
        let answered = await withCheckedContinuation { continuation in
            transport.send(BatchCall(operation: .delete, key: key, versions: ["a", "b"])) { continuation.resume(returning: $0) }
        }
        #expect((try? answered.get())?.requestID == "ab")
        let refused = await withCheckedContinuation { continuation in
            transport.send(BatchCall(operation: .delete, key: key, versions: ["refuse"])) { continuation.resume(returning: $0) }
        }
        #expect(throws: AsyncOnly.Refused.self) { try refused.get() }
    }

    @Test(.timeLimit(.minutes(1)))
    func theClientTransportReadsStatusesAndCallsUnknownVersionsDeleted() async throws {
        let rows = [ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node",
                                version: "1.0.0", status: .archived)]
        let emulator = try await RunningEmulator.start(rows: rows)
        let client = CodeArtifactClient(
            configuration: try ClientConfiguration.resolve(environment: RunFixture.environment, endpointURL: emulator.url.absoluteString),
            userAgent: "cabatch/test", concurrency: 2, readTimeout: 10)
        let transport = ClientTransport(client: client)
        let archived = try await transport.status(of: key, version: "1.0.0")
        let unknown = try await transport.status(of: key, version: "9.9.9")
        let sent = try await transport.send(BatchCall(operation: .delete, key: key, versions: ["1.0.0"]))
        let gone = try await transport.status(of: key, version: "1.0.0")
        try await client.shutdown()
        await emulator.stop()
        #expect(archived == .archived)
        #expect(unknown == .deleted)
        #expect(sent.outcome(of: "1.0.0") == .done(revision: sent.successfulVersions["1.0.0"]?.revision))
        #expect(gone == .deleted)
    }
}
