import CodeArtifact
import Emulator
import Foundation
import Manifest
import Model
import SigV4
import Testing

@Suite(.timeLimit(.minutes(1))) struct ListRepositoriesInDomainTests {
    let fixture = EmulatorFixture()

    /// One version in each of `repositories` of `domain`.
    static func rows(_ repositories: [String], domain: String = "acme", owner: String? = nil) -> [ManifestRow] {
        repositories.map { ManifestRow(domain: domain, domainOwner: owner, repository: $0, format: .pypi, package: "p", version: "1") }
    }

    /// Every repository of `request`'s listing, following `nextToken` to the end.
    static func all(_ client: CodeArtifactClient, _ request: ListRepositoriesInDomain) async throws -> (names: [String], pages: Int) {
        var names: [String] = []
        var pages = 0
        var next: ListRepositoriesInDomain? = request
        while let current = next, pages < 50 {
            let page = try await client.send(current)
            #expect(page.items.count <= current.maxResults ?? 100)
            names += page.items.map(\.name)
            pages += 1
            next = current.next(after: page)
        }
        return (names, pages)
    }

    @Test func pagesThroughTheDomainsRepositoriesByName() async throws {
        let names = (0..<23).map { String(format: "repo-%02d", 22 - $0) } + ["Zeta", "alpha", "npm-store"]
        let rows = Self.rows(names) + Self.rows(["elsewhere"], domain: "other", owner: "444455556666")
        try await ClientHarness.with(rows: rows) { harness in
            let (listed, pages) = try await Self.all(harness.client, ListRepositoriesInDomain(domain: "acme", maxResults: 7))
            // Byte order: capitals before lowercase.
            #expect(listed == ["Zeta", "alpha", "npm-store"] + (0..<23).map { String(format: "repo-%02d", $0) })
            #expect(pages == 4)

            let first = try await harness.client.send(ListRepositoriesInDomain(domain: "acme", maxResults: 1))
            #expect(first.items == [RepositorySummary(name: "Zeta", domainName: "acme", domainOwner: "111122223333",
                                                      administratorAccount: "111122223333")])
            let other = try await harness.client.send(ListRepositoriesInDomain(domain: "other", domainOwner: "444455556666"))
            #expect(other.items.map(\.name) == ["elsewhere"])
            #expect(other.items.first?.domainOwner == "444455556666")
            #expect(other.nextToken == nil)
        }
    }

    @Test func answersEveryMemberOfTheModel() throws {
        let core = try EmulatorFixture.core(Self.rows(["npm-store"]))
        let outcome = core.handle(fixture.listRepositories([QueryParameter("domain", "acme")]))
        let answer = try #require(Answer(outcome))
        #expect(answer.status == 200)
        let repositories = try #require(answer.json["repositories"] as? [[String: Any]])
        #expect(repositories.count == 1)
        let repository = try #require(repositories.first)
        #expect(repository["name"] as? String == "npm-store")
        #expect(repository["domainName"] as? String == "acme")
        #expect(repository["domainOwner"] as? String == "111122223333")
        #expect(repository["administratorAccount"] as? String == "111122223333")
        #expect(repository["arn"] as? String == "arn:aws:codeartifact:us-east-1:111122223333:repository/acme/npm-store")
        #expect((repository["description"] as? String)?.isEmpty == false)
        // A timestamp is epoch seconds, a JSON number.
        #expect(repository["createdTime"] as? Double == 1_577_836_800)
        #expect(answer.json["nextToken"] == nil)
        #expect(outcome.logEntry.operation == "ListRepositoriesInDomain")
        #expect(outcome.logEntry.status == 200)
    }

    @Test func filtersByPrefixAndAdministrator() async throws {
        try await ClientHarness.with(rows: Self.rows(["npm-store", "npm-two", "pypi-store", "np"])) { harness in
            let prefixed = try await harness.client.send(ListRepositoriesInDomain(domain: "acme", repositoryPrefix: "npm"))
            #expect(prefixed.items.map(\.name) == ["npm-store", "npm-two"])
            let none = try await harness.client.send(ListRepositoriesInDomain(domain: "acme", repositoryPrefix: "maven"))
            #expect(none.items.isEmpty)
            #expect(none.nextToken == nil)
        }
        let core = try EmulatorFixture.core(Self.rows(["npm-store", "pypi-store"]))
        let managed = try #require(Answer(core.handle(fixture.listRepositories(
            [QueryParameter("domain", "acme"), QueryParameter("administrator-account", "111122223333")]))))
        #expect((managed.json["repositories"] as? [[String: Any]])?.count == 2)
        let foreign = try #require(Answer(core.handle(fixture.listRepositories(
            [QueryParameter("domain", "acme"), QueryParameter("administrator-account", "444455556666")]))))
        #expect(foreign.status == 200)
        #expect((foreign.json["repositories"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test func unknownDomainOrOwnerIsResourceNotFound() async throws {
        try await ClientHarness.with(rows: Self.rows(["npm-store"])) { harness in
            let unknown = try #require(try await harness.error(ListRepositoriesInDomain(domain: "nowhere")))
            #expect(unknown.type == .resourceNotFound)
            #expect(unknown.httpStatus == 404)
            #expect(unknown.message?.contains("nowhere") == true)
            let owner = try #require(try await harness.error(ListRepositoriesInDomain(domain: "acme", domainOwner: "444455556666")))
            #expect(owner.type == .resourceNotFound)
        }
    }

    @Test(arguments: [
        (ListRepositoriesInDomain(domain: "acme", maxResults: 0), "at 'maxResults'"),
        (ListRepositoriesInDomain(domain: "acme", maxResults: 1001), "less than or equal to 1000"),
        (ListRepositoriesInDomain(domain: "Acme"), "at 'domain'"),
        (ListRepositoriesInDomain(domain: "acme", domainOwner: "1234"), "at 'domainOwner'"),
        (ListRepositoriesInDomain(domain: "acme", repositoryPrefix: "-x"), "at 'repositoryPrefix'"),
        (ListRepositoriesInDomain(domain: "acme", nextToken: "forged"), "at 'nextToken'"),
        // A token of another listing (ListPackages') is not one of this listing's.
        (ListRepositoriesInDomain(domain: "acme", nextToken: "cabatch-emulator-v1.n:npm//node"), "at 'nextToken'"),
    ])
    func invalidMembersAreValidationExceptions(request: ListRepositoriesInDomain, mentions: String) async throws {
        try await ClientHarness.with(rows: Self.rows(["npm-store"])) { harness in
            let error = try #require(try await harness.error(request))
            #expect(error.type == .validation)
            #expect(error.httpStatus == 400)
            #expect(error.message?.contains(mentions) == true, "\(error)")
        }
    }

    @Test func administratorAccountIsValidated() throws {
        let core = try EmulatorFixture.core(Self.rows(["npm-store"]))
        let answer = try #require(Answer(core.handle(fixture.listRepositories(
            [QueryParameter("domain", "acme"), QueryParameter("administrator-account", "x")]))))
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains("at 'administratorAccount'"), "\(answer.message)")
        let missing = try #require(Answer(core.handle(fixture.listRepositories([]))))
        #expect(missing.message.contains("Value null at 'domain'"), "\(missing.message)")
    }

    @Test func tokensSurviveRepositoriesAddedBetweenPages() async throws {
        let rows = Self.rows((0..<10).map { "repo-\($0)" })
        try await ClientHarness.with(rows: rows) { harness in
            let request = ListRepositoriesInDomain(domain: "acme", maxResults: 4)
            let first = try await harness.client.send(request)
            #expect(first.items.map(\.name) == ["repo-0", "repo-1", "repo-2", "repo-3"])
            // One before the token's place, one after it.
            harness.inventory.add(contentsOf: Self.rows(["repo-1a", "repo-5a"]))
            var rest: [String] = []
            var next = request.next(after: first)
            while let current = next {
                let page = try await harness.client.send(current)
                rest += page.items.map(\.name)
                next = current.next(after: page)
            }
            #expect(rest == ["repo-4", "repo-5", "repo-5a", "repo-6", "repo-7", "repo-8", "repo-9"])
        }
    }
}
