import Model
import SigV4

/// A decoded, validated `ListPackages` request; every member is in the query string.
struct ListPackagesInput: Sendable, Hashable {
    var repository: InventoryRepository
    var domainOwner: String?
    var format: PackageFormat?
    /// A prefix of the namespace, whatever the member's name says (the model's documentation).
    var namespacePrefix: String?
    var packagePrefix: String?
    var publish: OriginRestriction?
    var upstream: OriginRestriction?
    var maxResults: Int
    /// The package the page starts at, from `next-token`.
    var start: PackageKey?

    static let defaultMaxResults = 100

    static func decode(query: [QueryParameter]) -> Result<Self, ServiceException> {
        let values = query.firstValues
        var validator = RequestValidator()
        validator.required(.domain, values["domain"], member: "domain")
        validator.optional(.domainOwner, values["domain-owner"], member: "domainOwner")
        validator.required(.repository, values["repository"], member: "repository")
        let format = validator.oneOf(PackageFormat.self, values["format"], member: "format")
        // Prefixes are checked as the names they start: the model gives them the names' shapes.
        validator.optional(.namespace, values["namespace"], member: "namespace")
        validator.optional(.package, values["package-prefix"], member: "packagePrefix")
        let publish = validator.oneOf(OriginRestriction.self, values["publish"], member: "publish")
        let upstream = validator.oneOf(OriginRestriction.self, values["upstream"], member: "upstream")
        let maxResults = validator.maxResults(values["max-results"], default: defaultMaxResults)
        let token = validator.nextToken(values["next-token"]) { token in
            guard case .name(let parts) = token, parts.count == 3, PackageFormat(rawValue: parts[0]) != nil else { return false }
            return true
        }
        if let error = validator.error { return .failure(error) }
        let domain = values["domain"]!, repository = values["repository"]!
        var start: PackageKey?
        if case .name(let parts)? = token {
            start = PackageKey(domain: domain, repository: repository, format: PackageFormat(rawValue: parts[0])!,
                               namespace: parts[1].isEmpty ? nil : parts[1], package: parts[2])
        }
        return .success(ListPackagesInput(
            repository: InventoryRepository(domain: domain, repository: repository), domainOwner: values["domain-owner"],
            format: format, namespacePrefix: values["namespace"], packagePrefix: values["package-prefix"],
            publish: publish, upstream: upstream, maxResults: maxResults, start: start))
    }

    /// Whether `package` passes the request's filters.
    func matches(_ package: PackageKey) -> Bool {
        if let format, package.format != format { return false }
        if let namespacePrefix {
            guard let namespace = package.namespace, namespace.hasPrefix(namespacePrefix) else { return false }
        }
        if let packagePrefix, !package.package.hasPrefix(packagePrefix) { return false }
        // Every package of the emulator allows both origins.
        if publish == .block || upstream == .block { return false }
        return true
    }
}
