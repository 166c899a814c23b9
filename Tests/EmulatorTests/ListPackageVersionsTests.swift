import CodeArtifact
import Emulator
import Foundation
import Manifest
import Model
import SigV4
import Testing

@Suite struct ListPackageVersionsTests {
    let fixture = EmulatorFixture()

    private func versions(_ answer: Answer) -> [String] {
        (answer.json["versions"] as? [[String: Any]] ?? []).compactMap { $0["version"] as? String }
    }

    @Test func pagesThroughExistingVersionsInInventoryOrder() throws {
        let rows = EmulatorFixture.rows((0..<25).map { ("1.0.\($0)", $0 == 3 ? "Unlisted" : nil) })
        let core = try EmulatorFixture.core(rows)
        _ = core.handle(fixture.delete(["1.0.0"]))
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            var extra = [QueryParameter("max-results", "10")]
            if let token { extra.append(QueryParameter("next-token", token)) }
            let answer = try #require(Answer(core.handle(fixture.list(extra))))
            #expect(answer.status == 200)
            #expect(answer.json["package"] as? String == "node")
            #expect(answer.json["namespace"] as? String == "types")
            seen += versions(answer)
            token = answer.json["nextToken"] as? String
            pages += 1
        } while token != nil && pages < 10
        #expect(pages == 3)
        #expect(seen == (1..<25).map { "1.0.\($0)" })
    }

    @Test func statusFilter() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil), ("2", "Unlisted"), ("3", "Unlisted")]))
        let answer = try #require(Answer(core.handle(fixture.list([QueryParameter("status", "Unlisted")]))))
        #expect(versions(answer) == ["2", "3"])
        let deleted = try #require(Answer(core.handle(fixture.list([QueryParameter("status", "Deleted")]))))
        #expect(versions(deleted).isEmpty)
    }

    @Test(arguments: [
        ([QueryParameter("max-results", "0")], "at 'maxResults'"),
        ([QueryParameter("max-results", "1001")], "at 'maxResults'"),
        ([QueryParameter("status", "Gone")], "at 'status'"),
        ([QueryParameter("next-token", "forged")], "at 'nextToken'"),
    ])
    func invalidMembers(extra: [QueryParameter], mentions: String) throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let answer = try #require(Answer(core.handle(fixture.list(extra))))
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains(mentions), "\(answer.message)")
    }

    @Test func unknownPackageIsResourceNotFound() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let answer = try #require(Answer(core.handle(fixture.list(query: EmulatorFixture.query(package: "react")))))
        #expect(answer.status == 404)
        #expect(answer.json["resourceType"] as? String == "package")
    }
}

/// Publish-time order, filters, the default display version and page tokens, through cabatch's client.
@Suite(.timeLimit(.minutes(1))) struct ListPackageVersionsClientTests {
    static let node = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")

    static func row(_ version: String, _ status: PackageVersionStatus? = nil, published: String? = nil,
                    origin: PackageVersionOriginType? = nil, isDefault: Bool? = nil) -> ManifestRow {
        ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node", version: version,
                    status: status, origin: origin, publishedTime: published.flatMap { Timestamp(iso8601: $0) },
                    isDefaultDisplayVersion: isDefault)
    }

    /// Every version of `request`'s listing, following `nextToken` to the end.
    static func all(_ client: CodeArtifactClient, _ request: ListPackageVersions) async throws
        -> (versions: [PackageVersionSummary], pages: Int, defaults: Set<String?>)
    {
        var versions: [PackageVersionSummary] = []
        var defaults = Set<String?>()
        var pages = 0
        var next: ListPackageVersions? = request
        while let current = next, pages < 100 {
            let page = try await client.send(current)
            #expect(page.versions.count <= current.maxResults ?? 100)
            versions += page.versions
            defaults.insert(page.result.defaultDisplayVersion)
            pages += 1
            next = current.next(after: page)
        }
        return (versions, pages, defaults)
    }

    @Test func followingTokensListsTheInventoryExactly() async throws {
        let rows = (0..<23).map { Self.row("1.0.\($0)", $0 % 5 == 1 ? .unlisted : $0 % 7 == 2 ? .archived : nil) }
        try await ClientHarness.with(rows: rows) { harness in
            let (versions, pages, _) = try await Self.all(harness.client, ListPackageVersions(package: Self.node, maxResults: 4))
            #expect(pages == 6)
            let truth = harness.inventory.snapshot()
            #expect(versions.map(\.version) == truth.map(\.version))
            #expect(versions.map(\.status) == truth.map(\.status))
            #expect(versions.map(\.revision) == truth.map(\.revision))
            #expect(versions.allSatisfy { $0.originType == "INTERNAL" })
        }
    }

    @Test func sortByPublishedTimeListsNewestFirst() async throws {
        let rows = [
            Self.row("1.0.0", published: "2024-01-01T00:00:00Z"),
            Self.row("3.0.0", published: "2024-03-01T00:00:00Z"),
            Self.row("2.0.0", published: "2024-02-01T00:00:00Z"),
            // Two at the same millisecond: the later row counts as published later.
            Self.row("2.1.0", published: "2024-02-15T00:00:00Z"),
            Self.row("2.2.0", published: "2024-02-15T00:00:00Z"),
            Self.row("0.9.0", .unlisted, published: "2023-12-01T00:00:00.500Z"),
            Self.row("4.0.0-rc.1", .archived, published: "2024-04-01T00:00:00Z"),
        ]
        try await ClientHarness.with(rows: rows) { harness in
            let sorted = ListPackageVersions(package: Self.node, maxResults: 2, sortBy: PackageVersionSortType.publishedTime.rawValue)
            let (versions, pages, _) = try await Self.all(harness.client, sorted)
            #expect(versions.map(\.version) == ["4.0.0-rc.1", "3.0.0", "2.2.0", "2.1.0", "2.0.0", "1.0.0", "0.9.0"])
            #expect(pages == 4)
            let published = try await Self.all(harness.client, ListPackageVersions(package: Self.node, status: .published, maxResults: 2,
                                                                                    sortBy: "PUBLISHED_TIME"))
            #expect(published.versions.map(\.version) == ["3.0.0", "2.2.0", "2.1.0", "2.0.0", "1.0.0"])
            // Without sortBy: inventory order.
            let unsorted = try await Self.all(harness.client, ListPackageVersions(package: Self.node, maxResults: 3))
            #expect(unsorted.versions.map(\.version) == rows.map(\.version))
        }
    }

    @Test func rowsWithoutTimesArePublishedInRowOrder() async throws {
        let rows = ["0.1.0", "0.3.0", "0.2.0", "1.0.0"].map { Self.row($0) }
        try await ClientHarness.with(rows: rows) { harness in
            let sorted = try await harness.client.send(ListPackageVersions(package: Self.node, sortBy: "PUBLISHED_TIME"))
            #expect(sorted.versions.map(\.version) == ["1.0.0", "0.2.0", "0.3.0", "0.1.0"])
            #expect(sorted.result.defaultDisplayVersion == "1.0.0")
        }
    }

    @Test func originTypeFilterAndOrigins() async throws {
        let rows = [Self.row("1", origin: .external), Self.row("2"), Self.row("3", origin: .unknown), Self.row("4", origin: .external)]
        try await ClientHarness.with(rows: rows) { harness in
            let all = try await harness.client.send(ListPackageVersions(package: Self.node))
            #expect(all.versions.map(\.originType) == ["EXTERNAL", "INTERNAL", "UNKNOWN", "EXTERNAL"])
            let external = try await Self.all(harness.client, ListPackageVersions(package: Self.node, maxResults: 1, originType: "EXTERNAL"))
            #expect(external.versions.map(\.version) == ["1", "4"])
            #expect(external.pages == 2)
            let sorted = try await harness.client.send(ListPackageVersions(package: Self.node, sortBy: "PUBLISHED_TIME",
                                                                           originType: "INTERNAL"))
            #expect(sorted.versions.map(\.version) == ["2"])
        }
        // Where each version entered the domain, as the model's PackageVersionOrigin says it.
        let core = try EmulatorFixture.core(rows)
        let answer = try #require(Answer(core.handle(EmulatorFixture().list())))
        let origins = (answer.json["versions"] as? [[String: Any]] ?? []).map { $0["origin"] as? [String: Any] ?? [:] }
        #expect(origins.count == 4)
        #expect(origins[0]["domainEntryPoint"] as? [String: String] == ["externalConnectionName": "public:npmjs"])
        #expect(origins[1]["domainEntryPoint"] as? [String: String] == ["repositoryName": "npm-store"])
        #expect(origins[2]["domainEntryPoint"] == nil)
        #expect(origins[2]["originType"] as? String == "UNKNOWN")
    }

    @Test func defaultDisplayVersion() async throws {
        let times = ["1.0.0": "2024-01-01T00:00:00Z", "1.5.0": "2024-02-01T00:00:00Z", "2.0.0": "2024-03-01T00:00:00Z"]
        let rule = [Self.row("1.0.0", published: times["1.0.0"]), Self.row("2.0.0", .unlisted, published: times["2.0.0"]),
                    Self.row("1.5.0", published: times["1.5.0"])]
        try await ClientHarness.with(rows: rule) { harness in
            // The latest-published Published version: 2.0.0 is newer but Unlisted.
            let pages = try await Self.all(harness.client, ListPackageVersions(package: Self.node, maxResults: 1))
            #expect(pages.defaults == ["1.5.0"])
            _ = try await harness.client.send(DeletePackageVersions(package: Self.node, versions: ["1.5.0"]))
            let after = try await harness.client.send(ListPackageVersions(package: Self.node))
            #expect(after.result.defaultDisplayVersion == "1.0.0")
            _ = try await harness.client.send(DeletePackageVersions(package: Self.node, versions: ["1.0.0"]))
            let none = try await harness.client.send(ListPackageVersions(package: Self.node))
            #expect(none.result.defaultDisplayVersion == nil)
        }
        let flagged = [Self.row("1.0.0", isDefault: false), Self.row("0.9.0", isDefault: true), Self.row("2.0.0-beta.1")]
        try await ClientHarness.with(rows: flagged) { harness in
            // The row flagged true wins over the rule (npm's `latest` tag).
            let listed = try await harness.client.send(ListPackageVersions(package: Self.node, status: .published, sortBy: "PUBLISHED_TIME"))
            #expect(listed.result.defaultDisplayVersion == "0.9.0")
            #expect(listed.versions.first?.version == "2.0.0-beta.1")
            _ = try await harness.client.send(DeletePackageVersions(package: Self.node, versions: ["0.9.0"]))
            let after = try await harness.client.send(ListPackageVersions(package: Self.node))
            #expect(after.result.defaultDisplayVersion == "2.0.0-beta.1")
        }
    }

    /// Versions deleted between pages, some listed already and some still to come: every version
    /// that exists throughout is listed exactly once, in order, in both orders.
    @Test(arguments: [
        (nil, [0, 3, 5, 6, 11], [9, 14], [0, 1, 2, 3, 4, 7, 8, 9, 10, 12, 13, 15, 16, 17, 18, 19]),
        ("PUBLISHED_TIME", [19, 15, 14, 13, 8], [10, 5], [19, 18, 17, 16, 15, 12, 11, 10, 9, 7, 6, 4, 3, 2, 1, 0]),
    ] as [(String?, [Int], [Int], [Int])])
    func tokensSurviveDeletesBetweenPages(sortBy: String?, afterFirst: [Int], afterSecond: [Int], expected: [Int]) async throws {
        let rows = (0..<20).map { Self.row("1.0.\($0)") }
        try await ClientHarness.with(rows: rows) { harness in
            let request = ListPackageVersions(package: Self.node, maxResults: 5, sortBy: sortBy)
            var listed: [String] = []
            var next: ListPackageVersions? = request
            var pages = 0
            while let current = next, pages < 10 {
                let page = try await harness.client.send(current)
                listed += page.versions.map(\.version)
                next = current.next(after: page)
                pages += 1
                let gone = pages == 1 ? afterFirst : pages == 2 ? afterSecond : []
                if !gone.isEmpty {
                    _ = try await harness.client.send(DeletePackageVersions(package: Self.node, versions: gone.map { "1.0.\($0)" }))
                }
            }
            #expect(listed == expected.map { "1.0.\($0)" })
            #expect(pages == 4)
        }
    }

    @Test(arguments: [
        (ListPackageVersions(package: node, sortBy: "NEWEST"), "at 'sortBy'"),
        (ListPackageVersions(package: node, originType: "internal"), "at 'originType'"),
        (ListPackageVersions(package: node, maxResults: 1001), "at 'maxResults'"),
        // A token of the other order would start the page anywhere.
        (ListPackageVersions(package: node, nextToken: "cabatch-emulator-v1.t:abc.3"), "at 'nextToken'"),
        (ListPackageVersions(package: node, nextToken: "cabatch-emulator-v1.3", sortBy: "PUBLISHED_TIME"), "at 'nextToken'"),
        (ListPackageVersions(package: node, nextToken: "cabatch-emulator-v1.n:npm-store"), "at 'nextToken'"),
    ])
    func invalidMembersAreValidationExceptions(request: ListPackageVersions, mentions: String) async throws {
        try await ClientHarness.with(rows: [Self.row("1")]) { harness in
            let error = try #require(try await harness.error(request))
            #expect(error.type == .validation)
            #expect(error.message?.contains(mentions) == true, "\(error)")
        }
    }
}
