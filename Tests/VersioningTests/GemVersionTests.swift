import Testing

/// RubyGems' own `test_gem_version.rb` cases (`Cases/ruby.json`).
@Suite struct GemVersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("ruby")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func inequalities() { cases.checkInequalities() }
    @Test func validVersions() { cases.checkValid() }
    @Test func parseFailures() { cases.checkInvalid() }
    @Test func prereleaseFlags() { cases.checkPrereleaseFlags() }
    @Test func majorKeys() { cases.checkMajorKeys() }
}
