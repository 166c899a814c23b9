@testable import Report
import Journal
import Model
import Plan
import Testing
import TestSupport

/// Pins the Markdown report: the golden rendering of the fixture, table cells that stay cells,
/// long breakdowns cut to `rowLimit` with the rest summed, and the pending sentence.
@Suite struct MarkdownReportTests {
    /// A plan of `repositories` packages, the n-th (from 0) of n + 1 versions in a repository of its
    /// own (`repo-00`, `repo-01`…), spread over `domains` domains, with no journal.
    static func manyRepositories(_ repositories: Int, domains: Int = 1) throws -> ReportData {
        let requests = (0..<repositories).map { r in
            BatchRequest(id: r + 1, key: ReportFixture.key(domain: "d\(r % domains)", r < 10 ? "repo-0\(r)" : "repo-\(r)", .npm, nil, "p"),
                          versions: (0...r).map { "1.0.\($0)" })
        }
        let source = PlanJournal(planName: "many.plan", planHeader: ReportFixture.header, planSHA256: ReportFixture.planSHA,
                                 replay: JournalReplay(requests: requests), journalName: nil)
        return try ReportData(sources: [source])
    }

    @Test func markdownMatchesGolden() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        try assertSnapshot(MarkdownReport.render(data), named: "fixture.md")
    }

    @Test func cellsEscapePipesAndFlattenLineBreaks() {
        #expect(MarkdownReport.cell("a|b\nc`d`") == "a\\|b c'd'")
        #expect(MarkdownReport.cell("a\rb") == "a b")
        // "\r\n" is one Character, which neither "\n" nor "\r" matches: left in, it would end the row.
        #expect(MarkdownReport.cell("line one\r\nline two") == "line one line two")
        #expect(MarkdownReport.cell("plain-name_1.0") == "plain-name_1.0")
        #expect(MarkdownReport.cell("") == "")
    }

    @Test func longBreakdownsStopAtTheRowLimitAndSumTheRest() throws {
        let text = MarkdownReport.render(try Self.manyRepositories(25))
        #expect(MarkdownReport.rowLimit == 20)
        #expect(text.contains("| d0/repo-19 | 0 | 0 | 0 | 20 |\n"))
        #expect(!text.contains("| d0/repo-20 |"))
        // Repositories 20 to 24 hold 21 + 22 + 23 + 24 + 25 pending versions.
        #expect(text.contains("| … 5 more | 0 | 0 | 0 | 115 |\n"))
        #expect(!text.contains("## By domain"), "one domain: no domain table")
        #expect(MarkdownReport.render(try Self.manyRepositories(4, domains: 2)).contains("## By domain"))
    }

    @Test func pendingVersionsAreCountedInWords() throws {
        let one = MarkdownReport.render(try Self.manyRepositories(1))
        #expect(one.contains("\n1 version is still pending: `cabatch apply` on the plan sends only it.\n"))
        #expect(one.contains("  - journal none yet\n"))
        let many = MarkdownReport.render(try Self.manyRepositories(3))
        #expect(many.contains("\n6 versions are still pending: `cabatch apply` on the plan sends only them.\n"))
    }
}
