import Testing

/// node-semver's own fixtures (`Cases/npm.json`).
@Suite struct NpmVersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("npm")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func validVersions() { cases.checkValid() }
    @Test func parseFailures() { cases.checkInvalid() }
    @Test func prereleaseFlags() { cases.checkPrereleaseFlags() }
    @Test func majorKeys() { cases.checkMajorKeys() }
}
