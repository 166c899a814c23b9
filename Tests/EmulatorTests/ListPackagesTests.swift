import CodeArtifact
import Emulator
import Foundation
import Manifest
import Model
import SigV4
import Testing

@Suite(.timeLimit(.minutes(1))) struct ListPackagesTests {
    let fixture = EmulatorFixture()

    /// The packages of `npm-store`, in the order the emulator lists them: format, namespace
    /// (absent first), package, each in byte order.
    static let listed: [(PackageFormat, String?, String)] = [
        (.generic, "tools", "cli"),
        (.maven, "com.google", "guava"),
        (.maven, "org.apache", "commons"),
        (.npm, nil, "lodash"),
        (.npm, "babel", "cli"),
        (.npm, "babel", "core"),
        (.npm, "types", "node"),
        (.npm, "types", "react"),
        (.pypi, nil, "flask"),
        (.pypi, nil, "requests"),
    ]

    static func rows() -> [ManifestRow] {
        var rows: [ManifestRow] = []
        // Added out of order, two versions each, beside a package of another repository.
        for (format, namespace, package) in listed.reversed() {
            for version in ["1", "2"] {
                rows.append(ManifestRow(domain: "acme", repository: "npm-store", format: format, namespace: namespace,
                                        package: package, version: version))
            }
        }
        rows.append(ManifestRow(domain: "acme", repository: "other-store", format: .npm, package: "elsewhere", version: "1"))
        return rows
    }

    static func summary(_ entry: (PackageFormat, String?, String)) -> PackageSummary {
        PackageSummary(rawFormat: entry.0.rawValue, namespace: entry.1, package: entry.2)
    }

    /// Every package of `request`'s listing, following `nextToken` to the end.
    static func all(_ client: CodeArtifactClient, _ request: ListPackages) async throws -> (packages: [PackageSummary], pages: Int) {
        var packages: [PackageSummary] = []
        var pages = 0
        var next: ListPackages? = request
        while let current = next, pages < 50 {
            let page = try await client.send(current)
            #expect(page.items.count <= current.maxResults ?? 100)
            packages += page.items
            pages += 1
            next = current.next(after: page)
        }
        return (packages, pages)
    }

    @Test func pagesThroughTheRepositorysPackagesInOrder() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let (packages, pages) = try await Self.all(harness.client, ListPackages(domain: "acme", repository: "npm-store", maxResults: 3))
            #expect(packages == Self.listed.map(Self.summary))
            #expect(pages == 4)
            let whole = try await harness.client.send(ListPackages(domain: "acme", repository: "npm-store"))
            #expect(whole.items == Self.listed.map(Self.summary))
            #expect(whole.nextToken == nil)
        }
    }

    @Test func filters() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            func names(_ request: ListPackages) async throws -> [String] {
                try await Self.all(harness.client, request).packages.map { ($0.namespace.map { "\($0)/" } ?? "") + $0.package }
            }
            #expect(try await names(ListPackages(domain: "acme", repository: "npm-store", format: .npm))
                == ["lodash", "babel/cli", "babel/core", "types/node", "types/react"])
            // The namespace member is a prefix, as the model documents.
            #expect(try await names(ListPackages(domain: "acme", repository: "npm-store", namespace: "ty"))
                == ["types/node", "types/react"])
            #expect(try await names(ListPackages(domain: "acme", repository: "npm-store", namespace: "o"))
                == ["org.apache/commons"])
            #expect(try await names(ListPackages(domain: "acme", repository: "npm-store", format: .npm, namespace: "babel",
                                                 packagePrefix: "co")) == ["babel/core"])
            #expect(try await names(ListPackages(domain: "acme", repository: "npm-store", packagePrefix: "re"))
                == ["types/react", "requests"])
            // Filters apply across pages: two matches a page, with non-matching packages between.
            let paged = try await Self.all(harness.client, ListPackages(domain: "acme", repository: "npm-store", format: .pypi,
                                                                        maxResults: 1))
            #expect(paged.packages.map(\.package) == ["flask", "requests"])
            #expect(paged.pages == 2)
        }
    }

    @Test func answersOriginConfigurationAndOriginFilters() throws {
        let core = try EmulatorFixture.core(Self.rows())
        let base = [QueryParameter("domain", "acme"), QueryParameter("repository", "npm-store")]
        let outcome = core.handle(fixture.listPackages(base + [QueryParameter("max-results", "1")]))
        let answer = try #require(Answer(outcome))
        let packages = try #require(answer.json["packages"] as? [[String: Any]])
        #expect(packages.count == 1)
        let first = try #require(packages.first)
        #expect(first["format"] as? String == "generic")
        #expect(first["namespace"] as? String == "tools")
        #expect(first["package"] as? String == "cli")
        let restrictions = (first["originConfiguration"] as? [String: Any])?["restrictions"] as? [String: String]
        #expect(restrictions == ["publish": "ALLOW", "upstream": "ALLOW"])
        #expect(answer.json["nextToken"] is String)
        #expect(outcome.logEntry.operation == "ListPackages")

        let allowed = try #require(Answer(core.handle(fixture.listPackages(base + [QueryParameter("publish", "ALLOW")]))))
        #expect((allowed.json["packages"] as? [[String: Any]])?.count == 10)
        let blocked = try #require(Answer(core.handle(fixture.listPackages(base + [QueryParameter("upstream", "BLOCK")]))))
        #expect((blocked.json["packages"] as? [[String: Any]])?.isEmpty == true)
        let invalid = try #require(Answer(core.handle(fixture.listPackages(base + [QueryParameter("publish", "allow")]))))
        #expect(invalid.errorType == "ValidationException")
        #expect(invalid.message.contains("at 'publish'"), "\(invalid.message)")
    }

    @Test func packagesStayListedOnceTheirVersionsAreDeleted() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let node = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")
            _ = try await harness.client.send(DeletePackageVersions(package: node, versions: ["1", "2"]))
            let listed = try await harness.client.send(ListPackages(domain: "acme", repository: "npm-store", namespace: "types"))
            #expect(listed.items.map(\.package) == ["node", "react"])
        }
    }

    @Test func tokensSurvivePackagesAddedBetweenPages() async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let request = ListPackages(domain: "acme", repository: "npm-store", format: .npm, maxResults: 2)
            let first = try await harness.client.send(request)
            #expect(first.items.map(\.package) == ["lodash", "cli"])
            // One before the token's place (babel/core), one after it.
            harness.inventory.add(contentsOf: [
                ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "babel", package: "a", version: "1"),
                ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "pg", version: "1"),
            ])
            var rest: [String] = []
            var next = request.next(after: first)
            while let current = next {
                let page = try await harness.client.send(current)
                rest += page.items.map { "\($0.namespace ?? "")/\($0.package)" }
                next = current.next(after: page)
            }
            #expect(rest == ["babel/core", "types/node", "types/pg", "types/react"])
        }
    }

    @Test func unknownAndDeniedRepositories() async throws {
        let configuration = EmulatorConfiguration(deniedRepositories: ["acme/other-store"])
        try await ClientHarness.with(rows: Self.rows(), configuration: configuration) { harness in
            let repository = try #require(try await harness.error(ListPackages(domain: "acme", repository: "nothing")))
            #expect(repository.type == .resourceNotFound)
            #expect(repository.message?.contains("nothing") == true)
            let domain = try #require(try await harness.error(ListPackages(domain: "nowhere", repository: "npm-store")))
            #expect(domain.type == .resourceNotFound)
            let denied = try #require(try await harness.error(ListPackages(domain: "acme", repository: "other-store")))
            #expect(denied.type == .accessDenied)
            #expect(denied.message?.contains("codeartifact:ListPackages on resource: "
                + "arn:aws:codeartifact:us-east-1:111122223333:repository/acme/other-store") == true, "\(denied)")
        }
    }

    @Test(arguments: [
        (ListPackages(domain: "acme", repository: "npm-store", maxResults: 0), "at 'maxResults'"),
        (ListPackages(domain: "acme", repository: "npm-store", maxResults: 1001), "less than or equal to 1000"),
        (ListPackages(domain: "acme", repository: "-store"), "at 'repository'"),
        (ListPackages(domain: "acme", repository: "npm-store", namespace: "a/b"), "at 'namespace'"),
        (ListPackages(domain: "acme", repository: "npm-store", packagePrefix: "a b"), "at 'packagePrefix'"),
        (ListPackages(domain: "acme", repository: "npm-store", nextToken: "forged"), "at 'nextToken'"),
        (ListPackages(domain: "acme", repository: "npm-store", nextToken: "cabatch-emulator-v1.n:rpm//x"), "at 'nextToken'"),
        (ListPackages(domain: "acme", repository: "npm-store", nextToken: "cabatch-emulator-v1.12"), "at 'nextToken'"),
    ])
    func invalidMembersAreValidationExceptions(request: ListPackages, mentions: String) async throws {
        try await ClientHarness.with(rows: Self.rows()) { harness in
            let error = try #require(try await harness.error(request))
            #expect(error.type == .validation)
            #expect(error.message?.contains(mentions) == true, "\(error)")
        }
    }

    @Test func formatAndRequiredMembersAreValidated() throws {
        let core = try EmulatorFixture.core(Self.rows())
        let format = try #require(Answer(core.handle(fixture.listPackages(
            [QueryParameter("domain", "acme"), QueryParameter("repository", "npm-store"), QueryParameter("format", "rpm")]))))
        #expect(format.message.contains("Value 'rpm' at 'format' failed to satisfy constraint: Member must satisfy enum value set"),
                "\(format.message)")
        let missing = try #require(Answer(core.handle(fixture.listPackages([QueryParameter("domain", "acme")]))))
        #expect(missing.message == "1 validation error detected: Value null at 'repository' failed to satisfy constraint: "
            + "Member must not be null")
    }
}
