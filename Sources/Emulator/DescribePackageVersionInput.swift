import Model
import SigV4

/// A decoded, validated `DescribePackageVersion` request (GET); every member is in the query string.
struct DescribePackageVersionInput: Sendable, Hashable {
    var target: PackageKey
    var version: String

    static func decode(query: [QueryParameter]) -> Result<Self, ServiceException> {
        let values = query.firstValues
        var validator = RequestValidator()
        let target = PackageKey.decode(query: values, into: &validator)
        // The query calls it `version`; the model's member, which messages name, is `packageVersion`.
        validator.required(.version, values["version"], member: "packageVersion")
        if let error = validator.error { return .failure(error) }
        return .success(DescribePackageVersionInput(target: target!, version: values["version"]!))
    }
}
