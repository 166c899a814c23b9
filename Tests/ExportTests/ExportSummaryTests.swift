@testable import Export
import Testing

/// Pins `ExportSummary`'s totals: packages, versions and statuses summed over its repositories.
@Suite struct ExportSummaryTests {
    @Test func totalsAddUpEveryRepository() {
        var summary = ExportSummary(inventory: "inv.jsonl", complete: true)
        #expect(summary.packages == 0 && summary.versions == 0 && summary.statuses.isEmpty)
        summary.repositories = [
            ExportSummary.Repository(name: "npm-store", packages: 3, versions: 10, statuses: ["Published": 7, "Archived": 3]),
            ExportSummary.Repository(name: "pypi-store", packages: 2, versions: 5, statuses: ["Published": 4, "Unlisted": 1]),
            ExportSummary.Repository(name: "empty"),
        ]
        #expect(summary.packages == 5)
        #expect(summary.versions == 15)
        #expect(summary.statuses == ["Published": 11, "Archived": 3, "Unlisted": 1])
    }
}
