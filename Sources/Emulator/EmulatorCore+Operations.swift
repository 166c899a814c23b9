import JSONLines
import Model
import SigV4

extension EmulatorCore {
    /// A batch operation (`DeletePackageVersions`, `DisposePackageVersions`,
    /// `UpdatePackageVersionsStatus`): each version is changed, or answered with why not.
    ///
    /// Deletes act on each version alone. The two status-changing operations act on all
    /// versions or none, as the service does today: when any version cannot change
    /// (`MISMATCHED_STATUS`, `MISMATCHED_REVISION`, `NOT_FOUND`, `NOT_ALLOWED`) every other one
    /// is `SKIPPED` and nothing changes. Versions the skip fault draws are `SKIPPED` untouched,
    /// and left out of the rest.
    func changeVersions(_ operation: Operation, _ request: SigningRequest,
                        decision: FaultDecision) -> Result<OperationResult, ServiceException> {
        let input: PackageVersionsInput
        switch PackageVersionsInput.decode(operation, query: request.query, body: request.body) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        if let error = checkAccess(operation, input.target) { return .failure(error) }

        var skipped = Set<String>()
        if let seed = decision.skipSeed {
            var generator = SplitMix64(seed: seed)
            for version in input.versions where generator.unit() < configuration.faults.skipRate {
                skipped.insert(version)
            }
        }
        // Without skips (faults off) every version goes, without hashing each into the empty set.
        let kept = skipped.isEmpty ? input.versions : input.versions.filter { !skipped.contains($0) }
        let seed = RevisionSeed(input.target)
        let batch = inventory.update(input.target, versions: kept, allOrNothing: operation != .deletePackageVersions) {
            version, record in
            Self.apply(operation, input, to: &record, version: version, seed: seed)
        }
        var outcomes = batch.outcomes
        if !skipped.isEmpty {
            let done = Dictionary(batch.outcomes.map { ($0.version, $0.outcome) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            outcomes = input.versions.filter { seen.insert($0).inserted }.map { version in
                (version, done[version] ?? .skipped(version))
            }
        }
        return .success(Self.batchResult(input.target, input.versions, outcomes))
    }

    /// What `operation` does to one existing version: the request's preconditions (revision,
    /// then expected status), then the operation's own rule, then the change.
    ///
    /// Disposed versions can only be deleted: disposing one again or changing its status is
    /// `NOT_ALLOWED`. An update to the status a version already has succeeds without a change
    /// (no new revision, no count), so a retried update changes nothing twice.
    static func apply(_ operation: Operation, _ input: PackageVersionsInput, to record: inout VersionRecord,
                      version: String, seed: RevisionSeed) -> VersionAnswer {
        let current = record.revision(seed, version)
        if let expected = input.versionRevisions[version], expected != current {
            return .mismatchedRevision(current, expected: expected)
        }
        if let expected = input.expectedStatus, record.status != expected {
            return .mismatchedStatus(record.status, expected: expected)
        }
        switch operation {
        case .updatePackageVersionsStatus:
            guard let target = input.targetStatus else { preconditionFailure("an update's input has a target status") }
            if record.status == .disposed {
                return .failed(.notAllowed, message: "version \(version) is Disposed; its status cannot be changed to \(target.rawValue)")
            }
            if record.status == target { return .succeeded(revision: current, status: target) }
            record.change(to: target)
        case .disposePackageVersions:
            if record.status == .disposed { return .failed(.notAllowed, message: "version \(version) is already Disposed") }
            record.change(to: .disposed)
        case .deletePackageVersions:
            record.delete()
            return .succeeded(revision: current, status: .deleted)
        case .listPackageVersions, .listRepositoriesInDomain, .listPackages, .describePackageVersion:
            preconditionFailure("\(operation.rawValue) changes no versions")
        }
        return .succeeded(revision: record.revision(seed, version), status: record.status)
    }

    /// `AccessDeniedException` for denied repositories, `ResourceNotFoundException` for unknown ones.
    func checkAccess(_ operation: Operation, _ package: PackageKey) -> ServiceException? {
        checkAccess(operation, domain: package.domain, owner: package.domainOwner, repository: package.repository,
                    resource: "package/\(package.resourcePath)")
    }

    /// The same for an operation on `resource` (`repository/acme/npm-store`, `package/…`) of a repository.
    func checkAccess(_ operation: Operation, domain: String, owner: String?, repository: String,
                     resource: String) -> ServiceException? {
        if configuration.deniedRepositories.contains("\(domain)/\(repository)") {
            return ServiceException(
                .accessDenied,
                "User: arn:aws:iam::\(inventory.accountID):user/cabatch-emulator is not authorized to perform: "
                    + "codeartifact:\(operation.rawValue) on resource: "
                    + "arn:aws:codeartifact:\(configuration.region):\(owner ?? inventory.accountID):\(resource)")
        }
        return inventory.checkRepository(domain: domain, owner: owner, repository: repository)
    }

    /// The answer and log line of a batch operation.
    static func batchResult(_ package: PackageKey, _ versions: [String],
                            _ outcomes: [(version: String, outcome: VersionAnswer)]) -> OperationResult {
        var logged: [(version: String, outcome: String)] = []
        logged.reserveCapacity(outcomes.count)
        // The log lists successes first, as the answer does.
        for (version, outcome) in outcomes {
            if case .succeeded(_, let status) = outcome { logged.append((version, status.rawValue)) }
        }
        for (version, outcome) in outcomes {
            switch outcome {
            case .succeeded: continue
            case .notFound: logged.append((version, PackageVersionErrorCode.notFound.rawValue))
            case .failed(let code, _): logged.append((version, code.rawValue))
            }
        }
        return OperationResult(package: package, versions: versions, outcomes: logged,
                               body: BatchAnswer.body(package: package, outcomes: outcomes))
    }
}
