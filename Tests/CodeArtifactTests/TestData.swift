import Foundation

/// The shared test data beside the repository (`../shared/testdata`), or `CABATCH_TESTDATA`.
enum TestData {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["CABATCH_TESTDATA"] {
            return URL(fileURLWithPath: override)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    }()

    static var serviceModel: URL { root.appendingPathComponent("codeartifact-model/service-2.json") }
}
