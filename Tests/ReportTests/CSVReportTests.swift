import Foundation
import Journal
import Model
import Plan
import Report
import Testing
import TestSupport

/// Pins the CSV completion report: the golden rendering of the fixture, RFC 4180 quoting that
/// reads back to the same fields, one row per planned version, and bytes that do not depend on
/// the chunk size.
@Suite struct CSVReportTests {
    static func csv(_ sources: [PlanJournal], failedOnly: Bool = false, chunkSize: Int = 1 << 20) throws -> (text: String, chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        try CSVReport.write(sources, failedOnly: failedOnly, chunkSize: chunkSize) { chunk in
            bytes += chunk
            chunks += 1
        }
        return (String(decoding: bytes, as: UTF8.self), chunks)
    }

    /// RFC 4180 read back: rows of fields, quoted fields unquoted.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return rows
    }

    @Test func csvMatchesGoldenAndQuotes() throws {
        var bytes: [UInt8] = []
        try CSVReport.write([try ReportFixture.source()], chunkSize: 64) { bytes += $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        try assertSnapshot(text, named: "fixture.csv")
        #expect(text.split(separator: "\n").count == 15)
        #expect(text.contains("\"Version 18.0.4 has status Archived, expected Published\""))

        var failed: [UInt8] = []
        try CSVReport.write([try ReportFixture.source()], failedOnly: true) { failed += $0 }
        let rows = String(decoding: failed, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.contains(",failed,") })
    }

    @Test func fieldsWithCommasQuotesAndLineBreaksReadBack() throws {
        let message = "He said \"no\", then\nleft\r\nfor good"
        let records: [JournalRecord] = [
            .header(JournalHeader(planSHA256: ReportFixture.planSHA, cabatchVersion: "0.1.0", startTime: ReportFixture.at(0))),
            ReportFixture.answer(1, 1, 1, latency: 10, [
                VersionResult("18.0.0", .failed(code: "A,B", message: message)),
                VersionResult("18.0.1", .done(revision: nil)),
            ]),
        ]
        let (text, _) = try Self.csv([try ReportFixture.source(records: records)])
        #expect(text.contains("\"He said \"\"no\"\", then\nleft\r\nfor good\""))
        let rows = Self.parse(text)
        #expect(rows[0] == CSVReport.columns)
        #expect(rows.count == 15, "a header and one row per planned version")
        #expect(rows.allSatisfy { $0.count == CSVReport.columns.count })
        #expect(rows[1] == ["acme", "111122223333", "npm-store", "npm", "types", "node", "18.0.0", "failed", "A,B", message,
                            "200", "0b6f7c1e-11", "0", "2026-03-04T10:00:01.000Z"])
        #expect(rows[2][7] == "deleted" && rows[2][8] == "" && rows[2][13] == "2026-03-04T10:00:01.000Z")
        // Never answered: no status, id or time.
        #expect(rows[14] == ["beta", "444455556666", "maven-store", "maven", "com.acme", "core", "1.1", "pending", "", "", "", "", "0", ""])
    }

    @Test(arguments: [1, 100, 4096])
    func theBytesDoNotDependOnTheChunkSize(chunkSize: Int) throws {
        let source = try ReportFixture.source()
        let whole = try Self.csv([source])
        let chunked = try Self.csv([source], chunkSize: chunkSize)
        #expect(chunked.text == whole.text)
        #expect(whole.chunks == 1)
        if chunkSize == 1 { #expect(chunked.chunks == 14, "every row hands on a chunk") }
    }

    @Test func severalSourcesFollowOneAnotherUnderOneHeader() throws {
        let (text, _) = try Self.csv([try ReportFixture.source(planName: "a.plan"), try ReportFixture.source(planName: "b.plan")])
        let rows = Self.parse(text)
        #expect(rows.count == 29)
        #expect(rows.filter { $0 == CSVReport.columns }.count == 1)
        #expect(Array(rows[1...14]) == Array(rows[15...28]))
        let failed = Self.parse(try Self.csv([try ReportFixture.source(), try ReportFixture.source()], failedOnly: true).text)
        #expect(failed.count == 7 && failed.dropFirst().allSatisfy { $0[7] == "failed" })
    }
}
