import CodeArtifact
import Emulator
import Foundation
import Manifest
import TestSupport

/// An emulator on loopback with cabatch's own client pointed at it: the operations are checked
/// through the codecs that will talk to the service.
struct ClientHarness {
    let client: CodeArtifactClient
    let emulator: RunningEmulator

    var inventory: Inventory { emulator.inventory }

    static let environment = RunningEmulator.clientEnvironment

    /// Runs `body` against an emulator holding `rows`, stopping both afterwards whatever happens.
    static func with<T: Sendable>(rows: [ManifestRow], configuration: EmulatorConfiguration = EmulatorConfiguration(),
                                  _ body: (ClientHarness) async throws -> T) async throws -> T {
        let inventory = Inventory()
        inventory.add(contentsOf: rows)
        return try await RunningEmulator.with(inventory: inventory, configuration: configuration) { emulator in
            let client = CodeArtifactClient(
                configuration: try ClientConfiguration.resolve(environment: environment, endpointURL: emulator.url.absoluteString),
                userAgent: "cabatch/test", concurrency: 2, readTimeout: 10)
            do {
                let result = try await body(ClientHarness(client: client, emulator: emulator))
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    /// The service error `operation` is answered with, or `nil` when it succeeds.
    func error<Operation: CodeArtifactOperation>(_ operation: Operation) async throws -> ServiceError? {
        do {
            _ = try await client.send(operation)
            return nil
        } catch let error as ServiceError {
            return error
        }
    }
}
