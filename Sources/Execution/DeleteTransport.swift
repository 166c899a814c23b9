import CodeArtifact
import Plan
import Model

/// Sends one `DeletePackageVersions` call; the executor's only way out to the network, so
/// tests and `--dry-run` can stand in for the service.
public protocol DeleteTransport: Sendable {
    func delete(_ key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus?) async throws -> DeletePackageVersionsOutput

    /// The same call, answering through `completion` (once, on any thread); what the executor
    /// uses. The default runs the `async` form in a task.
    func delete(_ key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus?,
                completion: @escaping @Sendable (Result<DeletePackageVersionsOutput, any Error>) -> Void)
}

extension DeleteTransport {
    public func delete(_ key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus?,
                       completion: @escaping @Sendable (Result<DeletePackageVersionsOutput, any Error>) -> Void) {
        Task {
            do {
                completion(.success(try await delete(key, versions: versions, expectedStatus: expectedStatus)))
            } catch {
                completion(.failure(error))
            }
        }
    }
}

/// The real service, through the CodeArtifact client.
public struct ClientTransport: DeleteTransport {
    public let client: CodeArtifactClient

    public init(client: CodeArtifactClient) { self.client = client }

    public func delete(_ key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus?) async throws -> DeletePackageVersionsOutput {
        try await client.send(DeletePackageVersions(package: key, versions: versions, expectedStatus: expectedStatus))
    }

    public func delete(_ key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus?,
                       completion: @escaping @Sendable (Result<DeletePackageVersionsOutput, any Error>) -> Void) {
        client.send(DeletePackageVersions(package: key, versions: versions, expectedStatus: expectedStatus),
                    completion: completion)
    }
}
