import JSONLines
import Model
import SigV4

/// A decoded, validated request of a batch operation (`DeletePackageVersions`,
/// `DisposePackageVersions`, `UpdatePackageVersionsStatus`): the package in the query, the
/// versions and their preconditions in the body.
struct PackageVersionsInput: Sendable, Hashable {
    var target: PackageKey
    var versions: [String]
    var expectedStatus: PackageVersionStatus?
    /// Act on a version only while it has this revision (dispose and update; empty for delete,
    /// whose model has no such member).
    var versionRevisions: [String: String] = [:]
    /// Where `UpdatePackageVersionsStatus` moves the versions; `nil` for the others.
    var targetStatus: PackageVersionStatus?

    /// The model allows at most this many versions per request.
    static let maxVersions = 100

    /// The statuses `UpdatePackageVersionsStatus` can set: a version is never made `Unfinished`
    /// again, `DisposePackageVersions` disposes and `DeletePackageVersions` deletes.
    static let targetStatuses: [PackageVersionStatus] = [.archived, .published, .unlisted]

    /// Decodes the query members and the JSON body of `operation`, or the `ValidationException`
    /// the service answers.
    static func decode(_ operation: Operation, query: [QueryParameter], body: [UInt8]) -> Result<Self, ServiceException> {
        var validator = RequestValidator()
        let target = PackageKey.decode(query: query.firstValues, into: &validator)
        let read = RequestBody.withObject(body) { object in
            var input = PackageVersionsInput(target: target ?? PackageKey(domain: "", repository: "", format: .npm, package: ""),
                                             versions: [])
            let versions = RequestBody.versions(object?.member("versions"), into: &validator)
            input.versions = versions ?? []
            input.expectedStatus = status(object?.member("expectedStatus"), member: "expectedStatus", into: &validator)
            switch operation {
            case .updatePackageVersionsStatus:
                input.versionRevisions = revisions(object?.member("versionRevisions"), into: &validator)
                let targetStatus = status(object?.member("targetStatus"), member: "targetStatus", into: &validator)
                if object?.member("targetStatus").map({ $0.kind == .null }) ?? true {
                    validator.fail(member: "targetStatus", value: nil, constraint: "Member must not be null")
                } else if let targetStatus, !targetStatuses.contains(targetStatus) {
                    let allowed = targetStatuses.map(\.rawValue).joined(separator: ", ")
                    validator.fail(member: "targetStatus", value: targetStatus.rawValue,
                                   constraint: "Member must satisfy enum value set: [\(allowed)]")
                }
                input.targetStatus = targetStatus
            case .disposePackageVersions:
                input.versionRevisions = revisions(object?.member("versionRevisions"), into: &validator)
            default:
                break
            }
            return input
        }
        switch read {
        case .failure(let error): return .failure(error)
        case .success(let input):
            if let error = validator.error { return .failure(error) }
            return .success(input)
        }
    }

    /// An optional status member: absent or `null`, or one of the model's statuses.
    private static func status(_ member: BorrowedJSON?, member name: String,
                               into validator: inout RequestValidator) -> PackageVersionStatus? {
        guard let member else { return nil }
        switch member.kind {
        case .null: return nil
        case .string: return validator.oneOf(PackageVersionStatus.self, member.string, member: name)
        default:
            validator.fail(member: name, value: nil, constraint: "Member must be a string, not \(RequestBody.kindName(member.kind))")
            return nil
        }
    }

    /// `versionRevisions`: absent, `null`, or a map from versions to revisions, each key a valid
    /// `PackageVersion` and each value a valid `PackageVersionRevision`.
    private static func revisions(_ member: BorrowedJSON?, into validator: inout RequestValidator) -> [String: String] {
        guard let member, member.kind != .null else { return [:] }
        guard case .object(let map) = member.swiftValue else {
            validator.fail(member: "versionRevisions", value: nil,
                           constraint: "Member must be a map, not \(RequestBody.kindName(member.kind))")
            return [:]
        }
        var revisions: [String: String] = [:]
        for (version, value) in map.members {
            validator.optional(.version, version, member: "versionRevisions.\(version).key")
            guard let revision = value.stringValue else {
                validator.fail(member: "versionRevisions.\(version).value", value: nil, constraint: "Member must be a string")
                continue
            }
            validator.optional(.revision, revision, member: "versionRevisions.\(version).value")
            revisions[version] = revision
        }
        return revisions
    }
}
