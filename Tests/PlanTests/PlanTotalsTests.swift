import Model
import Plan
import Testing

/// Pins a plan's totals: everything starts at zero, and repositories sort by domain, owner,
/// repository and format, an absent owner as empty.
@Suite struct PlanTotalsTests {
    static func repository(_ domain: String, _ owner: String?, _ name: String, _ format: PackageFormat) -> PlanTotals.Repository {
        PlanTotals.Repository(domain: domain, domainOwner: owner, repository: name, format: format)
    }

    @Test func everythingStartsAtZero() {
        let totals = PlanTotals()
        #expect([totals.rows, totals.rowsOutsideShard, totals.duplicates, totals.rejects, totals.blankLines, totals.packages,
                 totals.requests, totals.versions] == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(totals.repositories.isEmpty)
        let repository = Self.repository("acme", nil, "r", .npm)
        #expect(repository.packages == 0 && repository.versions == 0 && repository.requests == 0)
    }

    @Test func repositoriesSortByDomainOwnerRepositoryAndFormat() {
        let sorted = [
            Self.repository("beta", nil, "a", .npm),
            Self.repository("acme", "222233334444", "a", .npm),
            Self.repository("acme", nil, "b", .npm),
            Self.repository("acme", nil, "a", .pypi),
            Self.repository("acme", "111122223333", "a", .npm),
            Self.repository("acme", nil, "a", .maven),
        ].sorted()
        #expect(sorted.map { "\($0.domain) \($0.domainOwner ?? "-") \($0.repository) \($0.format.rawValue)" } == [
            "acme - a maven", "acme - a pypi", "acme - b npm", "acme 111122223333 a npm", "acme 222233334444 a npm", "beta - a npm",
        ])
        // Counts take no part in the order.
        var counted = Self.repository("acme", nil, "a", .npm)
        counted.versions = 9
        #expect(!(counted < Self.repository("acme", nil, "a", .npm)) && !(Self.repository("acme", nil, "a", .npm) < counted))
    }

    @Test func totalsCompareByEveryCount() {
        var a = PlanTotals(), b = PlanTotals()
        #expect(a == b)
        b.duplicates = 1
        #expect(a != b)
        b = a
        var repository = Self.repository("acme", nil, "a", .npm)
        a.repositories = [repository]
        b.repositories = [repository]
        #expect(a == b)
        repository.requests = 1
        b.repositories = [repository]
        #expect(a != b)
    }
}
