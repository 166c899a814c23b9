import Model
import SigV4

/// A decoded, validated `ListPackageVersions` request; every member is in the query string.
struct ListPackageVersionsInput: Sendable, Hashable {
    var target: PackageKey
    var status: PackageVersionStatus?
    var originType: PackageVersionOriginType?
    /// `nil`: inventory order; `PUBLISHED_TIME`: newest first.
    var sortBy: PackageVersionSortType?
    var maxResults: Int
    /// Where the page starts, from `next-token`; `nil` for the first page.
    var start: PaginationToken?

    /// The page size when `max-results` is absent.
    static let defaultMaxResults = 100

    static func decode(query: [QueryParameter]) -> Result<Self, ServiceException> {
        let values = query.firstValues
        var validator = RequestValidator()
        let target = PackageKey.decode(query: values, into: &validator)
        let status = validator.oneOf(PackageVersionStatus.self, values["status"], member: "status")
        let sortBy = validator.oneOf(PackageVersionSortType.self, values["sortBy"], member: "sortBy")
        let originType = validator.oneOf(PackageVersionOriginType.self, values["originType"], member: "originType")
        let maxResults = validator.maxResults(values["max-results"], default: defaultMaxResults)
        // A token is a place in one order: one from the other order would start anywhere.
        let start = validator.nextToken(values["next-token"]) { token in
            switch (token, values["sortBy"] == nil) {
            case (.position, true): true
            case (.published, false): true
            default: false
            }
        }
        if let error = validator.error { return .failure(error) }
        return .success(ListPackageVersionsInput(target: target!, status: status, originType: originType, sortBy: sortBy,
                                                 maxResults: maxResults, start: start))
    }
}
