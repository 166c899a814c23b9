import Foundation
import Testing

/// Compares `text` with the golden file `Snapshots/NAME` beside the calling test file; with
/// `CABATCH_UPDATE_SNAPSHOTS=1` in the environment, writes it instead (then review the diff).
public func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation,
                           filePath: String = #filePath) throws {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CABATCH_UPDATE_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(name); run with CABATCH_UPDATE_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(text == golden, "output differs from Snapshots/\(name)", sourceLocation: sourceLocation)
}
