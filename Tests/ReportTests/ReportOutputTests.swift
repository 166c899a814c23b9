import Foundation
import Report
import Testing
import TestSupport

/// Pins where reports go: a file that appears under its name, whole, only when finished, and
/// failures that name the file.
@Suite struct ReportOutputTests {
    @Test func aFileAppearsOnlyWhenFinished() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("report.md")
        let output = try ReportOutput(path: path)
        #expect(output.path == path)
        try output.write("# title\n")
        try output.write(Array("body\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path))
        try output.finish()
        #expect(try dir.read("report.md") == Array("# title\nbody\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func anEarlierReportStaysWholeUntilTheNewOneIsFinished() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("report.csv", Array("old\n".utf8))
        // More than the one-mebibyte buffer: some of it reaches the partial file before the end.
        let rows = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        do {
            let output = try ReportOutput(path: path)
            try output.write(rows)
            #expect(FileManager.default.fileExists(atPath: path + ".partial"))
            #expect(try dir.read("report.csv") == Array("old\n".utf8))
            try output.write("\n")
            try output.finish()
        }
        #expect(try dir.read("report.csv") == rows + [0x0A])
    }

    @Test func anAbandonedReportLeavesTheEarlierOne() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("report.json", Array("{}\n".utf8))
        do {
            let output = try ReportOutput(path: path)
            try output.write([UInt8](repeating: 0x20, count: 2 << 20))
        }
        #expect(try dir.read("report.json") == Array("{}\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func aDashOrNothingIsStandardOutput() throws {
        #expect(try ReportOutput(path: "-").path == nil)
        #expect(try ReportOutput(path: nil).path == nil)
    }

    @Test func aFileThatCannotBeCreatedIsNamed() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("missing/report.html")
        #expect(throws: ReportError.cannotWrite(file: path, reason: "No such file or directory")) {
            try ReportOutput(path: path)
        }
        #expect(ReportError.cannotWrite(file: path, reason: "No such file or directory").description
            == "\(path): cannot write the report: No such file or directory")
    }
}
