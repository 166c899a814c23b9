import CodeArtifact
import Model
import Plan

/// One call of a batch operation, as the executor sends it.
public struct BatchCall: Sendable, Hashable {
    public var operation: BatchOperation
    public var key: PackageKey
    public var versions: [String]
    public var expectedStatus: PackageVersionStatus?
    /// Only for the versions sent, and only for operations that take revisions.
    public var versionRevisions: [String: String]?

    public init(operation: BatchOperation, key: PackageKey, versions: [String], expectedStatus: PackageVersionStatus? = nil,
                versionRevisions: [String: String]? = nil) {
        self.operation = operation
        self.key = key
        self.versions = versions
        self.expectedStatus = expectedStatus
        self.versionRevisions = operation.takesRevisions ? versionRevisions : nil
    }
}

extension BatchCall {
    /// The API call that carries it out.
    public var apiCall: any CodeArtifactOperation<PackageVersionsOutput> {
        switch operation {
        case .delete:
            DeletePackageVersions(package: key, versions: versions, expectedStatus: expectedStatus)
        case .archive, .unlist, .restore:
            UpdatePackageVersionsStatus(package: key, versions: versions, targetStatus: operation.targetStatus,
                                        versionRevisions: versionRevisions, expectedStatus: expectedStatus)
        case .dispose:
            DisposePackageVersions(package: key, versions: versions, versionRevisions: versionRevisions, expectedStatus: expectedStatus)
        }
    }
}

/// Sends batch calls, and reads a version's status when an answer needs checking; the
/// executor's only way out to the network, so tests and `--dry-run` can stand in for the service.
public protocol BatchTransport: Sendable {
    func send(_ call: BatchCall) async throws -> PackageVersionsOutput

    /// The same call, answering through `completion` (once, on any thread); what the executor
    /// uses. The default runs the `async` form in a task.
    func send(_ call: BatchCall, completion: @escaping @Sendable (Result<PackageVersionsOutput, any Error>) -> Void)

    /// The version's current status (`DescribePackageVersion`); `Deleted` when the service no
    /// longer knows the version, `nil` for a status this cabatch does not know.
    func status(of key: PackageKey, version: String) async throws -> PackageVersionStatus?
}

extension BatchTransport {
    public func send(_ call: BatchCall, completion: @escaping @Sendable (Result<PackageVersionsOutput, any Error>) -> Void) {
        Task {
            do {
                completion(.success(try await send(call)))
            } catch {
                completion(.failure(error))
            }
        }
    }
}

/// The real service, through the CodeArtifact client.
public struct ClientTransport: BatchTransport {
    public let client: CodeArtifactClient

    public init(client: CodeArtifactClient) { self.client = client }

    public func send(_ call: BatchCall) async throws -> PackageVersionsOutput {
        try await client.send(call.apiCall)
    }

    public func send(_ call: BatchCall, completion: @escaping @Sendable (Result<PackageVersionsOutput, any Error>) -> Void) {
        client.send(call.apiCall, completion: completion)
    }

    public func status(of key: PackageKey, version: String) async throws -> PackageVersionStatus? {
        do {
            let described = try await client.send(DescribePackageVersion(package: key, version: version))
            return described.status.flatMap(PackageVersionStatus.init(rawValue:))
        } catch let error as ServiceError where error.type == .resourceNotFound {
            return .deleted
        }
    }
}
