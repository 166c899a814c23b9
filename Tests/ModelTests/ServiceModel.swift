import Foundation
import TestSupport

/// botocore's model of the CodeArtifact API (`Tests/Fixtures/codeartifact-model`), read as plain JSON.
enum ServiceModel {
    static func shapes() throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.serviceModel)
        let model = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return model?["shapes"] as? [String: Any] ?? [:]
    }

    /// The values of the enumeration shape `name`, in the model's order.
    static func enumeration(_ name: String) throws -> [String] {
        let shape = try shapes()[name] as? [String: Any]
        return shape?["enum"] as? [String] ?? []
    }
}
