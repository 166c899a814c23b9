import Foundation
import Journal
import Report
import TestSupport
import Testing

@Suite struct ReportRenderingTests {
    @Test func markdownMatchesGolden() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        try assertSnapshot(MarkdownReport.render(data), named: "fixture.md")
    }

    @Test func jsonMatchesGolden() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        let json = JSONReport.render(data)
        try assertSnapshot(String(decoding: json, as: UTF8.self), named: "fixture.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        #expect(parsed?["schemaVersion"] as? Int == ReportData.schemaVersion)
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

    @Test func htmlIsSelfContained() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        let html = HTMLReport.render(data)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        // The only URLs: the SVG namespace and the endpoint the run used.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") || $0.hasPrefix("://127.0.0.1:4566") })
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        try assertSnapshot(html, named: "fixture.html")
    }

    @Test func formatsParse() throws {
        #expect(try ReportFormat(parsing: "JSON") == .json)
        #expect(throws: ReportError.unknownFormat("pdf")) { try ReportFormat(parsing: "pdf") }
    }
}

@Suite struct ReportFormatWriteTests {
    @Test func everyFormatWritesAFileRenamedIntoPlace() throws {
        let dir = try TemporaryDirectory()
        let source = try ReportFixture.source()
        for format in ReportFormat.allCases {
            let path = dir.file("report.\(format.rawValue)")
            try format.write([source], to: try ReportOutput(path: path))
            let text = String(decoding: try dir.read("report.\(format.rawValue)"), as: UTF8.self)
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            switch format {
            case .markdown: #expect(text.hasPrefix("# cabatch deletion report"))
            case .json: #expect(text.contains("\"schema\": \"cabatch-report\""))
            case .csv: #expect(text.hasPrefix("domain,domainOwner,"))
            case .html: #expect(text.hasPrefix("<!DOCTYPE html>"))
            }
        }
    }
}
