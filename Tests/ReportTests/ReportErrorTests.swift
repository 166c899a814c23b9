import Report
import Testing

/// Pins how report errors read, and their stable codes.
@Suite struct ReportErrorTests {
    @Test func messagesAndCodes() {
        let write = ReportError.cannotWrite(file: "r.md", reason: "Permission denied")
        #expect(write.description == "r.md: cannot write the report: Permission denied")
        #expect(write.code == "report-write")
        let format = ReportError.unknownFormat("pdf")
        #expect(format.description == "unknown report format \"pdf\"; use markdown, json, csv or html")
        #expect(format.code == "report-format")
        #expect(ReportError.unknownFormat("pdf") != .unknownFormat("PDF"))
    }
}
