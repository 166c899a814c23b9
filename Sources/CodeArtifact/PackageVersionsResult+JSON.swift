import JSONLines
import Model

extension PackageVersionsResult {
    /// Reads a batch operation's answer (`successfulVersions`, `failedVersions`) with jansson.
    /// Every request of a run goes through here, and Codable's decoder cost more CPU than
    /// signing and sending the request together. Unknown members are ignored, `null` is
    /// absent, an unknown status is kept as `nil` (as the Codable path does).
    init(jsonBody body: [UInt8]) throws(DecodingFailure) {
        guard !body.isEmpty else { return }
        let root: JSONValue
        do { root = try JSONValue.parse(body) } catch { throw DecodingFailure("\(error)") }
        guard let object = root.objectValue else { throw DecodingFailure("the body is not a JSON object") }
        successfulVersions = try Self.perVersion(object, "successfulVersions") { version, fields throws(DecodingFailure) in
            let status: String? = (try? Self.string(fields["status"], "")) ?? nil
            return SuccessfulPackageVersion(
                revision: try Self.string(fields["revision"], "successfulVersions.\(version).revision"),
                status: status.flatMap(PackageVersionStatus.init(rawValue:)))
        }
        failedVersions = try Self.perVersion(object, "failedVersions") { version, fields throws(DecodingFailure) in
            guard let code = try Self.string(fields["errorCode"], "failedVersions.\(version).errorCode") else {
                throw DecodingFailure("failedVersions.\(version).errorCode is missing")
            }
            return PackageVersionFailure(
                rawErrorCode: code,
                errorMessage: try Self.string(fields["errorMessage"], "failedVersions.\(version).errorMessage"))
        }
    }

    /// A map of version to an object (`successfulVersions`, `failedVersions`), each read by
    /// `read`; `nil` when the member is absent or `null`.
    private static func perVersion<Value>(
        _ object: JSONObject, _ name: String,
        _ read: (String, JSONObject) throws(DecodingFailure) -> Value
    ) throws(DecodingFailure) -> [String: Value]? {
        guard let member = object[name], !member.isNull else { return nil }
        guard let members = member.objectValue?.members else { throw DecodingFailure("\(name) is not an object") }
        var versions: [String: Value] = [:]
        versions.reserveCapacity(members.count)
        for (version, value) in members {
            guard let fields = value.objectValue else { throw DecodingFailure("\(name).\(version) is not an object") }
            versions[version] = try read(version, fields)
        }
        return versions
    }

    /// A string member, `nil` when absent or `null`.
    private static func string(_ value: JSONValue?, _ path: String) throws(DecodingFailure) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let string = value.stringValue else { throw DecodingFailure("\(path) is not a string") }
        return string
    }

    /// Why an answer's body could not be read.
    struct DecodingFailure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

extension CodeArtifactOperation {
    /// The answer of a batch operation (delete, dispose, update status).
    static func decodeVersionsResult(from response: ServiceResponse) throws -> PackageVersionsOutput {
        do {
            return PackageVersionsOutput(result: try PackageVersionsResult(jsonBody: response.body),
                                         httpStatus: response.status, requestID: response.requestID)
        } catch {
            throw ResponseDecodingError(operation: name, httpStatus: response.status, requestID: response.requestID,
                                        reason: error.reason)
        }
    }

}
