import Model
import SigV4

extension PackageKey {
    /// `acme/npm-store/npm/types/node`: the package's part of its ARN, as the service's messages
    /// and the request log name a package.
    var resourcePath: String {
        "\(domain)/\(repository)/\(format.rawValue)/" + (namespace.map { "\($0)/" } ?? "") + package
    }

    /// The same package without a domain owner: the inventory keeps one owner per domain, beside
    /// its packages.
    var withoutOwner: PackageKey {
        var key = self
        key.domainOwner = nil
        return key
    }

    /// The package members every package-version operation carries in its query, validated into
    /// `validator`; `nil` when any is invalid.
    static func decode(query: [String: String], into validator: inout RequestValidator) -> PackageKey? {
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
        return PackageKey(domain: domain, domainOwner: query["domain-owner"], repository: repository, format: format,
                          namespace: query["namespace"], package: package)
    }
}

extension [QueryParameter] {
    /// The first value of each query parameter; later repeats are ignored, as the service does.
    var firstValues: [String: String] {
        var values: [String: String] = [:]
        for parameter in self where values[parameter.name] == nil {
            values[parameter.name] = parameter.value
        }
        return values
    }
}
