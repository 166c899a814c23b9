import Foundation
import Journal
import JSONLines
import Plan
import Report
import Testing
import TestSupport

/// Pins the JSON report: the golden rendering of the fixture, the schema's name and member order,
/// the indented and compact forms being one document, and nulls where nothing was measured.
@Suite struct JSONReportTests {
    @Test func jsonMatchesGolden() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        let json = JSONReport.render(data)
        try assertSnapshot(String(decoding: json, as: UTF8.self), named: "fixture.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        #expect(parsed?["schemaVersion"] as? Int == ReportData.schemaVersion)
    }

    @Test func membersComeInTheSchemasOrder() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        let object = try #require(try JSONValue.parse(JSONReport.compact(data).bytes).objectValue)
        #expect(object.members.map(\.0) == ["schema", "schemaVersion", "operation", "doneName", "operations", "planned", "totals",
                                            "time", "throughput", "byDomain", "byRepository", "byFormat", "topPackages", "changed",
                                            "failures", "pending", "requests", "shards"])
        #expect(object["schema"] == .string(JSONReport.schemaName) && JSONReport.schemaName == "cabatch-report")
        #expect(object["totals"]?.objectValue?.members.map(\.0) == ["done", "absent", "changed", "failed", "pending", "total"])
    }

    @Test func theIndentedReportIsTheCompactOneReindented() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        let rendered = JSONReport.render(data), compact = JSONReport.compact(data).bytes
        #expect(try JSONValue.parse(rendered) == JSONValue.parse(compact))
        #expect(rendered.last == 0x0A)
        #expect(!compact.contains(0x0A))
        #expect(rendered.count > compact.count)
    }

    /// Rates are rounded to three decimals: 13 versions in 6 active seconds.
    @Test func ratesAreRoundedToThreeDecimals() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        #expect(data.versionsPerSecond != 2.167)
        let time = try #require(try JSONValue.parse(JSONReport.compact(data).bytes).objectValue?["time"]?.objectValue)
        #expect(time["versionsPerSecond"] == .number(2.167))
        #expect(time["activeSeconds"]?.doubleValue == 6)
    }

    /// A plan nobody applied yet: no times, no latencies, nothing answered.
    @Test func whatWasNeverMeasuredIsNull() throws {
        let source = PlanJournal(planName: "p.plan", planHeader: ReportFixture.header, planSHA256: ReportFixture.planSHA,
                                 replay: JournalReplay(requests: ReportFixture.requests), journalName: nil)
        let object = try #require(try JSONValue.parse(JSONReport.render(try ReportData(sources: [source]))).objectValue)
        #expect(object["time"]?.objectValue?["start"] == .null && object["time"]?.objectValue?["end"] == .null)
        let latency = try #require(object["requests"]?.objectValue?["latencyMs"]?.objectValue)
        #expect(latency.members.map(\.0) == ["p50", "p95", "p99", "max"])
        #expect(latency.members.allSatisfy { $0.1 == .null })
        #expect(object["shards"]?.arrayValue?.first?.objectValue?["journal"] == .null)
        #expect(object["shards"]?.arrayValue?.first?.objectValue?["tornLine"] == .null)
        #expect(object["totals"]?.objectValue?["pending"] == .integer(14))
    }
}
