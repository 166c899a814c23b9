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
        let batch = inventory.update(input.target, versions: kept) { version, record in
            if let expected, record.status != expected {
                return .failed(.mismatchedStatus,
                               message: "Version \(version) has status \(record.status.rawValue), not the expected \(expected.rawValue)")
            }
            record.status = .deleted
            record.deletes += 1
            return .succeeded(revision: record.revision, status: .deleted)
        }
        var outcomes = batch.outcomes
        if !skipped.isEmpty {
            let done = Dictionary(batch.outcomes.map { ($0.version, $0.outcome) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            outcomes = input.versions.filter { seen.insert($0).inserted }.map { version in
                (version, done[version] ?? .failed(.skipped, message: "Version \(version) was skipped"))
            }
        }
        return .success(Self.batchResult(input.target, input.versions, outcomes))
    }

    /// `ListPackageVersions`: one page of the package's versions that still exist.
    func listPackageVersions(_ request: SigningRequest) -> Result<OperationResult, ServiceException> {
        let input: ListPackageVersionsInput
        switch ListPackageVersionsInput.decode(query: request.query) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        if let error = checkAccess(.listPackageVersions, input.target) { return .failure(error) }
        let package = input.target
        guard let page = inventory.versions(of: package, status: input.status, start: input.start, limit: input.maxResults) else {
            return .failure(ServiceException(.resourceNotFound, "Package \(package.resourcePath) not found",
                                             resourceID: package.package, resourceType: "package"))
        }
        var json = JSONWriter(capacity: 128 + page.versions.count * 80)
        json.beginObject()
        json.member("format", package.format.rawValue)
        json.memberIfPresent("namespace", package.namespace)
        json.member("package", package.package)
        json.key("versions")
        json.beginArray()
        for (version, record) in page.versions {
            json.beginObject()
            json.member("version", version)
            json.member("revision", record.revision)
            json.member("status", record.status.rawValue)
            json.endObject()
        }
        json.endArray()
        json.memberIfPresent("nextToken", page.next.map { PaginationToken.token(offset: $0) })
        json.endObject()
        return .success(OperationResult(package: package, versions: [], outcomes: [], body: json.bytes))
    }

    /// `AccessDeniedException` for denied repositories, `ResourceNotFoundException` for unknown ones.
    private func checkAccess(_ operation: Operation, _ package: PackageKey) -> ServiceException? {
        if configuration.deniedRepositories.contains("\(package.domain)/\(package.repository)") {
            let owner = package.domainOwner ?? inventory.accountID
            return ServiceException(
                .accessDenied,
                "User: arn:aws:iam::\(inventory.accountID):user/cabatch-emulator is not authorized to perform: "
                    + "codeartifact:\(operation.rawValue) on resource: "
                    + "arn:aws:codeartifact:\(configuration.region):\(owner):package/\(package.resourcePath)")
        }
        return inventory.checkRepository(domain: package.domain, owner: package.domainOwner, repository: package.repository)
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
