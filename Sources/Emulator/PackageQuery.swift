import SigV4
import Model

/// The query members every package-version operation carries: which package, in which repository.
struct PackageQuery: Sendable, Hashable {
    var domainOwner: String?
    var package: InventoryPackage

    /// The first value of each query parameter; later repeats are ignored, as the service does.
    static func parameters(_ query: [QueryParameter]) -> [String: String] {
        var values: [String: String] = [:]
        for parameter in query where values[parameter.name] == nil {
            values[parameter.name] = parameter.value
        }
        return values
    }

    /// Validates the package members of `query` into `validator`; `nil` when any is invalid.
    static func decode(_ query: [String: String], into validator: inout RequestValidator) -> PackageQuery? {
        let failuresBefore = validator.failures.count
        validator.required(.domain, query["domain"], member: "domain")
        validator.optional(.domainOwner, query["domain-owner"], member: "domainOwner")
        validator.required(.repository, query["repository"], member: "repository")
        let format = validator.oneOf(PackageFormat.self, query["format"], member: "format")
        if query["format"] == nil { validator.required(.format, nil, member: "format") }
        validator.optional(.namespace, query["namespace"], member: "namespace")
        validator.required(.package, query["package"], member: "package")
        if let format, let violation = ServiceConstraints.checkNamespace(format: format, namespace: query["namespace"]) {
            validator.fail(violation.message)
        }
        guard validator.failures.count == failuresBefore, let format, let domain = query["domain"],
              let repository = query["repository"], let package = query["package"]
        else { return nil }
        return PackageQuery(
            domainOwner: query["domain-owner"],
            package: InventoryPackage(domain: domain, repository: repository, format: format,
                                      namespace: query["namespace"], package: package))
    }
}
