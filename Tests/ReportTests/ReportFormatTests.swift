import Foundation
import Journal
import Report
import TestSupport
import Testing

/// Pins `--format`: the names it accepts in any case, and the error that lists them.
@Suite struct ReportFormatTests {
    @Test func formatsParse() throws {
        #expect(try ReportFormat(parsing: "JSON") == .json)
        #expect(throws: ReportError.unknownFormat("pdf")) { try ReportFormat(parsing: "pdf") }
    }

    @Test func everyFormatParsesByItsNameInAnyCase() throws {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["markdown", "json", "csv", "html"])
        for format in ReportFormat.allCases {
            #expect(try ReportFormat(parsing: format.rawValue) == format)
            #expect(try ReportFormat(parsing: format.rawValue.uppercased()) == format)
        }
        for text in ["md", "", " csv", "htm"] {
            #expect(throws: ReportError.unknownFormat(text)) { try ReportFormat(parsing: text) }
        }
    }
}

/// Pins `ReportFormat.write`: every format renders the sources and finishes its output.
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

    @Test func eachFormatWritesWhatItsRendererRenders() throws {
        let dir = try TemporaryDirectory()
        let source = try ReportFixture.source()
        let data = try ReportData(sources: [source])
        try ReportFormat.markdown.write([source], to: try ReportOutput(path: dir.file("r.md")))
        #expect(try dir.read("r.md") == Array(MarkdownReport.render(data).utf8))
        try ReportFormat.json.write([source], to: try ReportOutput(path: dir.file("r.json")))
        #expect(try dir.read("r.json") == JSONReport.render(data))
        try ReportFormat.csv.write([source], failedOnly: true, to: try ReportOutput(path: dir.file("r.csv")))
        var failed: [UInt8] = []
        try CSVReport.write([source], failedOnly: true) { failed += $0 }
        #expect(try dir.read("r.csv") == failed)
    }
}
