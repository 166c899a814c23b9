import CodeArtifact
import SigV4
import Model

/// A decoded, validated `DeletePackageVersions` request (also the shape of `DisposePackageVersions`).
struct DeletePackageVersionsInput: Sendable, Hashable {
    var target: PackageQuery
    var versions: [String]
    var expectedStatus: PackageVersionStatus?

    /// The model allows at most this many versions per request.
    static let maxVersions = 100

    /// Decodes the query members and the JSON body, or the `ValidationException` the service answers.
    static func decode(query: [QueryParameter], body: [UInt8]) -> Result<Self, ServiceException> {
        let members: [String: RequestJSON]
        switch BodyDecoding.object(body) {
        case .success(let object): members = object
        case .failure(let error): return .failure(error)
        }
        var validator = RequestValidator()
        let target = PackageQuery.decode(PackageQuery.parameters(query), into: &validator)
        let versions = BodyDecoding.versions(members["versions"], into: &validator)
        var expectedStatus: PackageVersionStatus?
        switch members["expectedStatus"] {
        case nil, .null?: break
        case .string(let text)?:
            expectedStatus = validator.oneOf(PackageVersionStatus.self, text, member: "expectedStatus")
        case let other?:
            validator.fail(member: "expectedStatus", value: nil, constraint: "Member must be a string, not \(other.kindName)")
        }
        if let error = validator.error { return .failure(error) }
        return .success(DeletePackageVersionsInput(target: target!, versions: versions!, expectedStatus: expectedStatus))
    }
}

/// The JSON body rules shared by the batch operations.
enum BodyDecoding {
    /// The body's members; an empty body is an empty object, anything but an object is refused.
    static func object(_ body: [UInt8]) -> Result<[String: RequestJSON], ServiceException> {
        guard body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return .success([:]) }
        do {
            guard let object = try RequestJSON.parse(body).object else {
                return .failure(.validation("Request body must be a JSON object", reason: "CANNOT_PARSE"))
            }
            return .success(object)
        } catch {
            return .failure(.validation("Could not parse request body into json: \(error)", reason: "CANNOT_PARSE"))
        }
    }

    /// The `versions` list: required, 0–100 strings, each a valid `PackageVersion`.
    static func versions(_ value: RequestJSON?, into validator: inout RequestValidator) -> [String]? {
        guard let value, value != .null else {
            validator.fail(member: "versions", value: nil, constraint: "Member must not be null")
            return nil
        }
        guard case .array(let elements) = value else {
            validator.fail(member: "versions", value: nil, constraint: "Member must be a list, not \(value.kindName)")
            return nil
        }
        let failuresBefore = validator.failures.count
        if elements.count > DeletePackageVersionsInput.maxVersions {
            validator.fail(member: "versions", value: "[\(elements.count) versions]",
                           constraint: "Member must have length less than or equal to \(DeletePackageVersionsInput.maxVersions)")
        }
        var versions: [String] = []
        versions.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let version) = element else {
                validator.fail(member: "versions.\(index + 1).member", value: nil,
                               constraint: "Member must be a string, not \(element.kindName)")
                continue
            }
            validator.optional(.version, version, member: "versions.\(index + 1).member")
            versions.append(version)
        }
        return validator.failures.count == failuresBefore ? versions : nil
    }
}
