import JSONLines
import Model

/// Reading the service's JSON bodies: every answer, error and credentials document is parsed by
/// jansson into a `JSONValue` and read member by member, so one parser serves the whole client.
enum ResponseBody {
    /// Why a body is not what the model describes.
    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The body's top-level object; `nil` for an empty body (the model's members are all optional).
    static func object(_ body: [UInt8]) throws(Failure) -> JSONObject? {
        guard !body.isEmpty else { return nil }
        let root: JSONValue
        do { root = try JSONValue.parse(body) } catch { throw Failure("\(error)") }
        guard let object = root.objectValue else { throw Failure("the body is not a JSON object") }
        return object
    }

    /// A string member, `nil` when absent or `null`.
    static func string(_ value: JSONValue?, _ path: String) throws(Failure) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let string = value.stringValue else { throw Failure("\(path) is not a string") }
        return string
    }

    /// The body of the batch operations' requests (delete, dispose, update status), keys in
    /// sorted order so that the body, and so the signature, is reproducible.
    static func versionsRequest(versions: [String], versionRevisions: [String: String]? = nil,
                                expectedStatus: PackageVersionStatus? = nil,
                                targetStatus: PackageVersionStatus? = nil) -> [UInt8] {
        var body = JSONWriter(capacity: 32 + versions.count * (versionRevisions == nil ? 16 : 48))
        body.beginObject()
        if let expectedStatus { body.member("expectedStatus", expectedStatus.rawValue) }
        if let targetStatus { body.member("targetStatus", targetStatus.rawValue) }
        if let versionRevisions {
            body.key("versionRevisions")
            body.beginObject()
            for (version, revision) in versionRevisions.sorted(by: { $0.key < $1.key }) { body.member(version, revision) }
            body.endObject()
        }
        body.key("versions")
        body.beginArray()
        for version in versions { body.string(version) }
        body.endArray()
        body.endObject()
        return body.bytes
    }
}

extension CodeArtifactOperation {
    /// Reads a successful answer's body with `read`; a body that does not fit the model is a
    /// `ResponseDecodingError` naming the operation.
    static func decodeBody<T>(_ response: ServiceResponse, _ read: ([UInt8]) throws(ResponseBody.Failure) -> T) throws -> T {
        do {
            return try read(response.body)
        } catch {
            throw ResponseDecodingError(operation: name, httpStatus: response.status, requestID: response.requestID,
                                        reason: error.reason)
        }
    }
}
