@testable import Emulator
import Model
import SigV4
import Testing

/// Pins `ListPackagesInput`: decoding the query (defaults, the token's place), refusing tokens
/// of other listings, and which packages its filters let through.
@Suite struct ListPackagesInputTests {
    private let base = [QueryParameter("domain", "acme"), QueryParameter("repository", "npm-store")]

    private func input(_ extra: [QueryParameter]) throws -> ListPackagesInput {
        try ListPackagesInput.decode(query: base + extra).get()
    }

    private func refusal(_ query: [QueryParameter]) -> String? {
        if case .failure(let error) = ListPackagesInput.decode(query: query) { error.message } else { nil }
    }

    @Test func decodesDefaultsAndMembers() throws {
        let bare = try input([])
        #expect(bare.repository == InventoryRepository(domain: "acme", repository: "npm-store"))
        #expect(bare.maxResults == 100 && bare.start == nil && bare.format == nil && bare.domainOwner == nil)
        let full = try input([QueryParameter("domain-owner", "111122223333"), QueryParameter("format", "maven"),
                              QueryParameter("namespace", "org"), QueryParameter("package-prefix", "li"),
                              QueryParameter("publish", "ALLOW"), QueryParameter("upstream", "BLOCK"),
                              QueryParameter("max-results", "7"),
                              QueryParameter("next-token", PaginationToken.name(["maven", "org.example", "lib"]).text)])
        #expect(full.domainOwner == "111122223333" && full.format == .maven && full.namespacePrefix == "org")
        #expect(full.packagePrefix == "li" && full.publish == .allow && full.upstream == .block && full.maxResults == 7)
        #expect(full.start == PackageKey(domain: "acme", repository: "npm-store", format: .maven, namespace: "org.example", package: "lib"))
        let noNamespace = try input([QueryParameter("next-token", PaginationToken.name(["npm", "", "a"]).text)])
        #expect(noNamespace.start?.namespace == nil)
    }

    @Test(arguments: [
        PaginationToken.position(1).text, PaginationToken.name(["npm-store"]).text, PaginationToken.name(["rpm", "", "a"]).text,
        PaginationToken.published(time: 1, position: 1).text, "junk",
    ])
    func tokensOfOtherListingsAreRefused(token: String) throws {
        #expect(refusal(base + [QueryParameter("next-token", token)])?.contains("at 'nextToken'") == true)
    }

    @Test func requiredMembersAndShapes() {
        #expect(refusal([QueryParameter("domain", "acme")])?.contains("Value null at 'repository'") == true)
        #expect(refusal(base + [QueryParameter("publish", "MAYBE")])?.contains("at 'publish'") == true)
        #expect(refusal(base + [QueryParameter("package-prefix", "a/b")])?.contains("at 'packagePrefix'") == true)
        #expect(refusal(base + [QueryParameter("max-results", "0")])?.contains("at 'maxResults'") == true)
    }

    @Test func filtersMatchFormatPrefixesAndOrigins() throws {
        let types = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")
        let plain = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "lodash")
        let pypi = PackageKey(domain: "acme", repository: "npm-store", format: .pypi, package: "nodejs")
        #expect(try input([]).matches(types) && input([]).matches(plain) && input([]).matches(pypi))
        let npm = try input([QueryParameter("format", "npm")])
        #expect(npm.matches(types) && !npm.matches(pypi))
        let namespace = try input([QueryParameter("namespace", "ty")])
        #expect(namespace.matches(types) && !namespace.matches(plain), "a package without a namespace has no prefix to match")
        let prefix = try input([QueryParameter("package-prefix", "no")])
        #expect(prefix.matches(types) && prefix.matches(pypi) && !prefix.matches(plain))
        #expect(try input([QueryParameter("publish", "ALLOW"), QueryParameter("upstream", "ALLOW")]).matches(plain))
        #expect(try !input([QueryParameter("publish", "BLOCK")]).matches(plain), "every emulated package allows both origins")
        #expect(try !input([QueryParameter("upstream", "BLOCK")]).matches(plain))
    }
}
