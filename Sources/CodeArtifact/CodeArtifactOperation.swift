import Foundation

/// One CodeArtifact API call: how its input becomes a request and how a successful response becomes its output.
///
/// Both directions are pure so that codecs are tested with tables and the client stays a thin edge.
public protocol CodeArtifactOperation<Output>: Sendable {
    associatedtype Output: Sendable
    /// The API name, as in the model and CloudTrail.
    static var name: String { get }
    func serviceRequest() throws -> ServiceRequest
    static func decode(_ response: ServiceResponse) throws -> Output
}

