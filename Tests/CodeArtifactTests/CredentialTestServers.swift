import CodeArtifact
import Emulator
import Foundation
import Logging
import Manifest
import Model
import SigV4
import TestSupport

/// The emulator as the service that credential tests sign in to: it accepts only the keys its
/// ring holds (temporary ones with their session tokens, until they expire), and its request log
/// says which access key each accepted request was signed with.
enum CredentialTestServers {
    static let package = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "left-pad")
    /// Enough versions that every request of a test deletes one that is still there.
    static let versions = (0..<8).map { "1.0.\($0)" }

    /// An emulator holding `package`, on `clock`, with its request log in `home` (removed with it).
    static func emulator(logIn home: TemporaryHome, clock: WallClock = .system) async throws -> RunningEmulator {
        let log = home.path + "/requests.jsonl"
        let rows = versions.map {
            ManifestRow(domain: package.domain, repository: package.repository, format: package.format, namespace: nil,
                        package: package.package, version: $0)
        }
        return try await RunningEmulator.start(rows: rows, configuration: EmulatorConfiguration(requestLogPath: log), clock: clock)
    }

    /// Deletes `version` through a client built from `configuration`; the access key id the
    /// emulator accepted the request under, after checking that the version is gone.
    @discardableResult
    static func deleteOnce(_ configuration: ClientConfiguration, service: RunningEmulator, version: String = "1.0.0",
                           clock: WallClock = .system, logger: Logger = Logger(label: "test")) async throws -> String? {
        let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch-tests", concurrency: 1,
                                        connectTimeout: 10, readTimeout: 20, clock: clock, logger: logger)
        do {
            _ = try await client.send(DeletePackageVersions(package: package, versions: [version]))
            try await client.shutdown()
        } catch {
            try await client.shutdown()
            throw error
        }
        return try signer(service, deleted: version)
    }

    /// The access key id of the emulator's last accepted request, which must have deleted `version`.
    static func signer(_ service: RunningEmulator, deleted version: String) throws -> String? {
        guard let last = try service.loggedRequests().last, last["status"]?.intValue == 200,
              last["outcomes"]?.objectValue?[version]?.stringValue == "Deleted" else { return nil }
        return last["accessKeyId"]?.stringValue
    }
}
