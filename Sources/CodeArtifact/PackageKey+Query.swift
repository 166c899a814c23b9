import Model
import SigV4

extension PackageKey {
    /// The query parameters every per-package operation sends, in the model's member order,
    /// optional ones only when present.
    public var queryParameters: [QueryParameter] {
        var query = [QueryParameter("domain", domain)]
        if let domainOwner { query.append(QueryParameter("domain-owner", domainOwner)) }
        query.append(QueryParameter("repository", repository))
        query.append(QueryParameter("format", format.rawValue))
        if let namespace { query.append(QueryParameter("namespace", namespace)) }
        query.append(QueryParameter("package", package))
        return query
    }
}
