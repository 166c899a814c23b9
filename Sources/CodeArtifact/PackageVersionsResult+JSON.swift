import JSONLines
import Model

extension PackageVersionsResult {
    /// Reads a batch operation's answer (`successfulVersions`, `failedVersions`). Unknown members
    /// are ignored, `null` is absent, and an unknown status is kept as `nil`: a status added by a
    /// newer service must not lose the whole batch's outcomes.
    init(jsonBody body: [UInt8]) throws(ResponseBody.Failure) {
        guard let object = try ResponseBody.object(body) else { return }
        successfulVersions = try Self.perVersion(object, "successfulVersions") { version, fields throws(ResponseBody.Failure) in
            let status: String? = (try? ResponseBody.string(fields["status"], "")) ?? nil
            return SuccessfulPackageVersion(
                revision: try ResponseBody.string(fields["revision"], "successfulVersions.\(version).revision"),
                status: status.flatMap(PackageVersionStatus.init(rawValue:)))
        }
        failedVersions = try Self.perVersion(object, "failedVersions") { version, fields throws(ResponseBody.Failure) in
            guard let code = try ResponseBody.string(fields["errorCode"], "failedVersions.\(version).errorCode") else {
                throw ResponseBody.Failure("failedVersions.\(version).errorCode is missing")
            }
            return PackageVersionFailure(
                rawErrorCode: code,
                errorMessage: try ResponseBody.string(fields["errorMessage"], "failedVersions.\(version).errorMessage"))
        }
    }

    /// A map of version to an object (`successfulVersions`, `failedVersions`), each read by
    /// `read`; `nil` when the member is absent or `null`.
    private static func perVersion<Value>(
        _ object: JSONObject, _ name: String,
        _ read: (String, JSONObject) throws(ResponseBody.Failure) -> Value
    ) throws(ResponseBody.Failure) -> [String: Value]? {
        guard let member = object[name], !member.isNull else { return nil }
        guard let members = member.objectValue?.members else { throw ResponseBody.Failure("\(name) is not an object") }
        var versions: [String: Value] = [:]
        versions.reserveCapacity(members.count)
        for (version, value) in members {
            guard let fields = value.objectValue else { throw ResponseBody.Failure("\(name).\(version) is not an object") }
            versions[version] = try read(version, fields)
        }
        return versions
    }
}

extension CodeArtifactOperation {
    /// The answer of a batch operation (delete, dispose, update status).
    static func decodeVersionsResult(from response: ServiceResponse) throws -> PackageVersionsOutput {
        PackageVersionsOutput(result: try decodeBody(response, PackageVersionsResult.init(jsonBody:)),
                              httpStatus: response.status, requestID: response.requestID)
    }
}
