import Model
import SigV4

/// A decoded, validated `ListRepositoriesInDomain` request; every member is in the query string.
struct ListRepositoriesInDomainInput: Sendable, Hashable {
    var domain: String
    var domainOwner: String?
    var administratorAccount: String?
    var repositoryPrefix: String?
    var maxResults: Int
    /// The repository name the page starts at, from `next-token`.
    var start: String?

    static let defaultMaxResults = 100

    static func decode(query: [QueryParameter]) -> Result<Self, ServiceException> {
        let values = query.firstValues
        var validator = RequestValidator()
        validator.required(.domain, values["domain"], member: "domain")
        validator.optional(.domainOwner, values["domain-owner"], member: "domainOwner")
        // The model gives both the shapes of the values they filter by.
        validator.optional(.domainOwner, values["administrator-account"], member: "administratorAccount")
        validator.optional(.repository, values["repository-prefix"], member: "repositoryPrefix")
        let maxResults = validator.maxResults(values["max-results"], default: defaultMaxResults)
        let token = validator.nextToken(values["next-token"]) { token in
            guard case .name(let parts) = token, parts.count == 1 else { return false }
            return true
        }
        if let error = validator.error { return .failure(error) }
        var start: String?
        if case .name(let parts)? = token { start = parts[0] }
        return .success(ListRepositoriesInDomainInput(
            domain: values["domain"]!, domainOwner: values["domain-owner"], administratorAccount: values["administrator-account"],
            repositoryPrefix: values["repository-prefix"], maxResults: maxResults, start: start))
    }
}
