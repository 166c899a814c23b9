import Foundation

/// Test data that ships with the repository (`Tests/Fixtures`), so a clone with nothing beside it can run every test.
public enum Fixtures {
    /// `Tests/Fixtures` in this checkout.
    public static let root: URL = URL(fileURLWithPath: #filePath)  // Sources/TestSupport/Fixtures.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures")

    /// botocore's model of the CodeArtifact API (`service-2.json`).
    public static var serviceModel: URL { root.appendingPathComponent("codeartifact-model/service-2.json") }

    /// The case folders of AWS's Signature Version 4 test suite.
    public static var sigV4Suite: URL { root.appendingPathComponent("aws-sig-v4-test-suite/v4") }
}
