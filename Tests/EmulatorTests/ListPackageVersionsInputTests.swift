@testable import Emulator
import Model
import SigV4
import Testing

/// Pins `ListPackageVersionsInput`: the query's members and defaults, and tokens accepted only
/// by the order they came from.
@Suite struct ListPackageVersionsInputTests {
    private func decode(_ extra: [QueryParameter]) -> Result<ListPackageVersionsInput, ServiceException> {
        ListPackageVersionsInput.decode(query: EmulatorFixture.query(extra: extra))
    }

    @Test func decodesMembersAndDefaults() throws {
        let bare = try decode([]).get()
        #expect(bare.target.package == "node" && bare.target.namespace == "types")
        #expect(bare.maxResults == 100 && bare.status == nil && bare.sortBy == nil && bare.originType == nil && bare.start == nil)
        let full = try decode([QueryParameter("status", "Archived"), QueryParameter("originType", "EXTERNAL"),
                               QueryParameter("sortBy", "PUBLISHED_TIME"), QueryParameter("max-results", "1000"),
                               QueryParameter("next-token", PaginationToken.published(time: 5, position: 2).text)]).get()
        #expect(full.status == .archived && full.originType == .external && full.sortBy == .publishedTime && full.maxResults == 1000)
        #expect(full.start == .published(time: 5, position: 2))
    }

    @Test func aTokenIsOnlyGoodInTheOrderItCameFrom() throws {
        let position = QueryParameter("next-token", PaginationToken.position(3).text)
        let published = QueryParameter("next-token", PaginationToken.published(time: 1, position: 3).text)
        let sorted = QueryParameter("sortBy", "PUBLISHED_TIME")
        #expect(try decode([position]).get().start == .position(3))
        #expect(try decode([sorted, published]).get().start == .published(time: 1, position: 3))
        for query in [[published], [sorted, position], [QueryParameter("next-token", PaginationToken.name(["a"]).text)]] {
            guard case .failure(let error) = decode(query) else { Issue.record("accepted \(query)"); continue }
            #expect(error.message.contains("at 'nextToken'"))
        }
    }

    @Test func membersAreValidatedTogether() {
        guard case .failure(let error) = decode([QueryParameter("status", "Gone"), QueryParameter("sortBy", "NAME"),
                                                 QueryParameter("max-results", "x")]) else { Issue.record("accepted"); return }
        #expect(error.message.hasPrefix("3 validation errors detected"))
        #expect(error.message.contains("at 'status'") && error.message.contains("at 'sortBy'") && error.message.contains("at 'maxResults'"))
    }
}
