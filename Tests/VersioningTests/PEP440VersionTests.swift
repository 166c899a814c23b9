import Testing

/// pypa/packaging's own `tests/test_version.py` cases (`Cases/pypi.json`).
@Suite struct PEP440VersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("pypi")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func validVersions() { cases.checkValid() }
    @Test func parseFailures() { cases.checkInvalid() }
    @Test func prereleaseFlags() { cases.checkPrereleaseFlags() }
    @Test func majorKeys() { cases.checkMajorKeys() }
}
