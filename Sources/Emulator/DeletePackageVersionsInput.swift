import JSONLines
import Model
import SigV4

/// A decoded, validated `DeletePackageVersions` request (also the shape of `DisposePackageVersions`).
struct DeletePackageVersionsInput: Sendable, Hashable {
    var target: PackageKey
    var versions: [String]
    var expectedStatus: PackageVersionStatus?

    /// The model allows at most this many versions per request.
    static let maxVersions = 100

    /// Decodes the query members and the JSON body, or the `ValidationException` the service answers.
    static func decode(query: [QueryParameter], body: [UInt8]) -> Result<Self, ServiceException> {
        var validator = RequestValidator()
        let target = PackageKey.decode(query: query.firstValues, into: &validator)
        let read = RequestBody.withObject(body) { object in
            let versions = RequestBody.versions(object?.member("versions"), into: &validator)
            var expectedStatus: PackageVersionStatus?
            if let member = object?.member("expectedStatus") {
                switch member.kind {
                case .null: break
                case .string: expectedStatus = validator.oneOf(PackageVersionStatus.self, member.string, member: "expectedStatus")
                default:
                    validator.fail(member: "expectedStatus", value: nil,
                                   constraint: "Member must be a string, not \(RequestBody.kindName(member.kind))")
                }
            }
            return (versions, expectedStatus)
        }
        switch read {
        case .failure(let error): return .failure(error)
        case .success(let (versions, expectedStatus)):
            if let error = validator.error { return .failure(error) }
            return .success(DeletePackageVersionsInput(target: target!, versions: versions!, expectedStatus: expectedStatus))
        }
    }
}
