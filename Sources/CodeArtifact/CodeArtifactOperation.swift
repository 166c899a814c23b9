import Foundation

/// One CodeArtifact API call: how its input becomes a request and how a successful response becomes its output.
///
/// Both directions are pure so that codecs are tested with tables and the client stays a thin edge.
/// Adding `UpdatePackageVersionsStatus` or `DisposePackageVersions` is one more conforming type.
public protocol CodeArtifactOperation: Sendable {
    associatedtype Output: Sendable
    /// The API name, as in the model and CloudTrail.
    static var name: String { get }
    func serviceRequest() throws -> ServiceRequest
    static func decode(_ response: ServiceResponse) throws -> Output
}

extension CodeArtifactOperation {
    static func jsonBody<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        // Sorted keys make the body, and so the signature, reproducible.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func decodeBody<T: Decodable>(_ type: T.Type, from response: ServiceResponse) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(response.body.isEmpty ? Array("{}".utf8) : response.body))
        } catch {
            throw ResponseDecodingError(operation: name, httpStatus: response.status, requestID: response.requestID,
                                        reason: String(describing: error))
        }
    }
}
