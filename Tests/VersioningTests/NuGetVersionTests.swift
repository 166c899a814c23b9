import Testing

/// NuGet.Versioning's own test cases (`Cases/nuget.json`).
@Suite struct NuGetVersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("nuget")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func inequalities() { cases.checkInequalities() }
    @Test func validVersions() { cases.checkValid() }
    @Test func parseFailures() { cases.checkInvalid() }
    @Test func prereleaseFlags() { cases.checkPrereleaseFlags() }
    @Test func majorKeys() { cases.checkMajorKeys() }
}
