import JSONLines
import Model
import SigV4

extension EmulatorCore {
    /// `DeletePackageVersions`: each version is deleted, `NOT_FOUND`, `MISMATCHED_STATUS` or `SKIPPED`.
    func deletePackageVersions(_ request: SigningRequest, decision: FaultDecision) -> Result<OperationResult, ServiceException> {
        let input: DeletePackageVersionsInput
        switch DeletePackageVersionsInput.decode(query: request.query, body: request.body) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        if let error = checkAccess(.deletePackageVersions, input.target) { return .failure(error) }

        var skipped = Set<String>()
        if let seed = decision.skipSeed {
            var generator = SplitMix64(seed: seed)
            for version in input.versions where generator.unit() < configuration.faults.skipRate {
                skipped.insert(version)
            }
        }
        let expected = input.expectedStatus
        // Without skips (faults off) every version goes, without hashing each into the empty set.
        let kept = skipped.isEmpty ? input.versions : input.versions.filter { !skipped.contains($0) }
        let seed = RevisionSeed(input.target)
        let batch = inventory.update(input.target, versions: kept) { version, record in
            if let expected, record.status != expected { return .mismatchedStatus(record.status, expected: expected) }
            record.delete()
            return .succeeded(revision: record.revision(seed, version), status: .deleted)
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
