import Model
import SigV4

/// A decoded, validated `ListPackageVersions` request; every member is in the query string.
struct ListPackageVersionsInput: Sendable, Hashable {
    var target: PackageKey
    var status: PackageVersionStatus?
    var maxResults: Int
    /// Where the page starts in the package's inventory order, from `next-token`.
    var start: Int

    /// The page size when `max-results` is absent.
    static let defaultMaxResults = 100

    /// Sort orders and origin types the model allows; the emulator accepts and ignores them.
    private enum SortType: String, CaseIterable { case publishedTime = "PUBLISHED_TIME" }
    private enum OriginType: String, CaseIterable { case `internal` = "INTERNAL", external = "EXTERNAL", unknown = "UNKNOWN" }

    static func decode(query: [QueryParameter]) -> Result<Self, ServiceException> {
        let values = query.firstValues
        var validator = RequestValidator()
        let target = PackageKey.decode(query: values, into: &validator)
        let status = validator.oneOf(PackageVersionStatus.self, values["status"], member: "status")
        _ = validator.oneOf(SortType.self, values["sortBy"], member: "sortBy")
        _ = validator.oneOf(OriginType.self, values["originType"], member: "originType")
        var maxResults = defaultMaxResults
        if let text = values["max-results"] {
            if let number = Int(text) {
                if number < 1 {
                    validator.fail(member: "maxResults", value: text, constraint: "Member must have value greater than or equal to 1")
                } else if number > 1000 {
                    validator.fail(member: "maxResults", value: text, constraint: "Member must have value less than or equal to 1000")
                }
                maxResults = number
            } else {
                validator.fail(member: "maxResults", value: text, constraint: "Member must be an integer")
            }
        }
        var start = 0
        if let token = values["next-token"] {
            if let offset = PaginationToken.offset(token) {
                start = offset
            } else {
                validator.fail(member: "nextToken", value: token, constraint: "Member must be a token returned by a previous call")
            }
        }
        if let error = validator.error { return .failure(error) }
        return .success(ListPackageVersionsInput(target: target!, status: status, maxResults: maxResults, start: start))
    }
}

/// `next-token` values: opaque to clients, a position in the inventory order to the emulator.
enum PaginationToken {
    private static let prefix = "cabatch-emulator-v1."

    static func token(offset: Int) -> String { prefix + String(offset, radix: 36) }

    static func offset(_ token: String) -> Int? {
        guard token.hasPrefix(prefix), let offset = Int(token.dropFirst(prefix.count), radix: 36), offset >= 0 else { return nil }
        return offset
    }
}
