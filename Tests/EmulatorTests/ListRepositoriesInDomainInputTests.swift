@testable import Emulator
import SigV4
import Testing

/// Pins `ListRepositoriesInDomainInput`: the query's members and defaults, a name token's
/// place, and what is refused.
@Suite struct ListRepositoriesInDomainInputTests {
    private func decode(_ query: [QueryParameter]) -> Result<ListRepositoriesInDomainInput, ServiceException> {
        ListRepositoriesInDomainInput.decode(query: query)
    }

    @Test func decodesMembersAndDefaults() throws {
        let bare = try decode([QueryParameter("domain", "acme")]).get()
        #expect(bare == ListRepositoriesInDomainInput(domain: "acme", maxResults: 100))
        let full = try decode([QueryParameter("domain", "acme"), QueryParameter("domain-owner", "111122223333"),
                               QueryParameter("administrator-account", "444455556666"), QueryParameter("repository-prefix", "np"),
                               QueryParameter("max-results", "2"), QueryParameter("next-token", PaginationToken.name(["npm-store"]).text),
                               QueryParameter("domain", "ignored")]).get()
        #expect(full == ListRepositoriesInDomainInput(domain: "acme", domainOwner: "111122223333", administratorAccount: "444455556666",
                                                      repositoryPrefix: "np", maxResults: 2, start: "npm-store"))
    }

    @Test(arguments: [
        ([QueryParameter]([]), "Value null at 'domain'"),
        ([QueryParameter("domain", "acme"), QueryParameter("administrator-account", "1")], "at 'administratorAccount'"),
        ([QueryParameter("domain", "acme"), QueryParameter("repository-prefix", "-")], "at 'repositoryPrefix'"),
        ([QueryParameter("domain", "acme"), QueryParameter("next-token", PaginationToken.name(["npm", "", "a"]).text)], "at 'nextToken'"),
        ([QueryParameter("domain", "acme"), QueryParameter("next-token", PaginationToken.position(0).text)], "at 'nextToken'"),
        ([QueryParameter("domain", "acme"), QueryParameter("max-results", "1001")], "less than or equal to 1000"),
    ])
    func refusals(query: [QueryParameter], mentions: String) {
        guard case .failure(let error) = decode(query) else { Issue.record("accepted"); return }
        #expect(error.message.contains(mentions), "\(error.message)")
    }
}
