import Foundation
import TestSupport
import Testing

/// The manual page the repository ships (`man/cabatch.1`) is what swift-argument-parser's
/// `generate-manual` makes of the command definitions now: a new option or a changed help text
/// without a regenerated page fails here. The test builds `generate-manual` from the resolved
/// swift-argument-parser checkout (once, into `.build/generate-manual/`) and runs it on the built
/// `cabatch` with the shipped page's date, so the whole page must match. To regenerate:
/// `swift package generate-manual --configuration debug && cp .build/plugins/GenerateManual/outputs/cabatch/cabatch.1 man/`.
@Suite struct ManualPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func shippedManualPageMatchesTheCommands() throws {
        let shipped = try String(contentsOf: Self.root.appendingPathComponent("man/cabatch.1"), encoding: .utf8)
        let date = try #require(Self.date(of: shipped), "man/cabatch.1 has no .Dd date line")
        let tool = try Self.generateManual()
        let output = try TemporaryDirectory()
        let generation = try Self.run(tool, [CabatchBinary.path, "--date", date, "--output-directory", output.path])
        try #require(generation.status == 0, "generate-manual failed: \(generation.output)")
        let generated = try String(contentsOf: URL(fileURLWithPath: output.file("cabatch.1")), encoding: .utf8)
        #expect(generated == shipped, "man/cabatch.1 is out of date; regenerate it")
        #expect(shipped.contains(".Dt CABATCH 1"))
        for command in ["export", "select", "plan", "apply", "run", "status", "report", "outcomes", "emulator", "generate"] {
            #expect(shipped.contains(".It Em \(command)"), "the manual page lacks \(command)")
        }
    }

    /// The `.Dd Month D, YYYY` line of a page as the `yyyy-mm-dd` that `generate-manual --date` takes.
    static func date(of page: String) -> String? {
        guard let line = page.split(separator: "\n").first(where: { $0.hasPrefix(".Dd ") }) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        guard let date = formatter.date(from: String(line.dropFirst(4))) else { return nil }
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// Builds swift-argument-parser's `generate-manual` tool, the one its plugin runs, from the
    /// checkout beside this build, with a scratch path of its own; returns the executable.
    static func generateManual() throws -> String {
        var build = URL(fileURLWithPath: CabatchBinary.path).deletingLastPathComponent()
        while build.path != "/" && !FileManager.default.fileExists(atPath: build.appendingPathComponent("checkouts").path) {
            build = build.deletingLastPathComponent()
        }
        let checkout = build.appendingPathComponent("checkouts/swift-argument-parser")
        try #require(FileManager.default.fileExists(atPath: checkout.appendingPathComponent("Package.swift").path),
                     "no swift-argument-parser checkout found above \(CabatchBinary.path)")
        let scratch = build.appendingPathComponent("generate-manual").path
        let arguments = ["build", "--package-path", checkout.path, "--scratch-path", scratch, "--product", "generate-manual"]
        let built = try run("/usr/bin/env", ["swift"] + arguments)
        try #require(built.status == 0, "swift \(arguments.joined(separator: " ")) failed: \(built.output)")
        return scratch + "/debug/generate-manual"
    }

    /// Runs an executable to its end; standard output and standard error together.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
