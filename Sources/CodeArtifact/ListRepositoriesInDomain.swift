import JSONLines
import Model
import SigV4

/// `ListRepositoriesInDomain`: one page of a domain's repositories (POST `/v1/domain/repositories`).
public struct ListRepositoriesInDomain: CodeArtifactOperation, Hashable {
    public static let name = "ListRepositoriesInDomain"

    public var domain: String
    /// `nil`: the caller's own account.
    public var domainOwner: String?
    public var repositoryPrefix: String?
    /// 1–1000; the service's default when `nil`.
    public var maxResults: Int?
    public var nextToken: String?

    public init(domain: String, domainOwner: String? = nil, repositoryPrefix: String? = nil, maxResults: Int? = nil,
                nextToken: String? = nil) {
        self.domain = domain
        self.domainOwner = domainOwner
        self.repositoryPrefix = repositoryPrefix
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    public func serviceRequest() throws -> ServiceRequest {
        var query = [QueryParameter("domain", domain)]
        if let domainOwner { query.append(QueryParameter("domain-owner", domainOwner)) }
        if let repositoryPrefix { query.append(QueryParameter("repository-prefix", repositoryPrefix)) }
        if let maxResults { query.append(QueryParameter("max-results", String(maxResults))) }
        if let nextToken { query.append(QueryParameter("next-token", nextToken)) }
        return ServiceRequest(method: "POST", path: "/v1/domain/repositories", query: query, body: [])
    }

    public static func decode(_ response: ServiceResponse) throws -> Page<RepositorySummary> {
        try decodeBody(response) { body throws(ResponseBody.Failure) in
            try Page(jsonBody: body, member: "repositories") { fields, path throws(ResponseBody.Failure) in
                guard let name = try ResponseBody.string(fields["name"], "\(path).name") else {
                    throw ResponseBody.Failure("\(path).name is missing")
                }
                return RepositorySummary(name: name, domainName: try ResponseBody.string(fields["domainName"], "\(path).domainName"),
                                         domainOwner: try ResponseBody.string(fields["domainOwner"], "\(path).domainOwner"),
                                         administratorAccount: try ResponseBody.string(fields["administratorAccount"],
                                                                                       "\(path).administratorAccount"))
            }
        }
    }

    /// The request for the page after `page`, or `nil` on the last page.
    public func next<Item>(after page: Page<Item>) -> ListRepositoriesInDomain? {
        guard let token = page.nextToken else { return nil }
        var next = self
        next.nextToken = token
        return next
    }
}

/// One repository in a listing.
public struct RepositorySummary: Sendable, Hashable {
    public var name: String
    public var domainName: String?
    public var domainOwner: String?
    public var administratorAccount: String?

    public init(name: String, domainName: String? = nil, domainOwner: String? = nil, administratorAccount: String? = nil) {
        self.name = name
        self.domainName = domainName
        self.domainOwner = domainOwner
        self.administratorAccount = administratorAccount
    }
}

/// One page of a paginated listing: its items and the token for the next page (`nil` on the last).
public struct Page<Item: Sendable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    public var nextToken: String?

    public init(items: [Item], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }

    /// Reads the array `member` of `body`, each element an object read by `read`.
    init(jsonBody body: [UInt8], member: String,
         _ read: (JSONObject, String) throws(ResponseBody.Failure) -> Item) throws(ResponseBody.Failure) {
        guard let object = try ResponseBody.object(body) else {
            self.init(items: [], nextToken: nil)
            return
        }
        let token = try ResponseBody.string(object["nextToken"], "nextToken")
        var items: [Item] = []
        if let list = object[member], !list.isNull {
            guard let elements = list.arrayValue else { throw ResponseBody.Failure("\(member) is not an array") }
            items.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard let fields = element.objectValue else { throw ResponseBody.Failure("\(member)[\(index)] is not an object") }
                items.append(try read(fields, "\(member)[\(index)]"))
            }
        }
        // An empty token is the last page too: asking again with it would loop.
        self.init(items: items, nextToken: token?.isEmpty == false ? token : nil)
    }
}
