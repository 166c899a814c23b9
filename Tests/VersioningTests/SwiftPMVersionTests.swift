import Testing

/// swift-tools-support-core's own `VersionTests.swift` cases (`Cases/swift.json`), the `Version`
/// SwiftPM orders package versions with.
@Suite struct SwiftVersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("swift")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func inequalities() { cases.checkInequalities() }
    @Test func validVersions() { cases.checkValid() }
    @Test func parseFailures() { cases.checkInvalid() }
    @Test func prereleaseFlags() { cases.checkPrereleaseFlags() }
    @Test func majorKeys() { cases.checkMajorKeys() }
}
