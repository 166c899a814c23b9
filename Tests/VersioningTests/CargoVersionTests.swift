import Testing
import Versioning

/// The semver crate's own tests and documented orders (`Cases/cargo.json`).
@Suite struct CargoVersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("cargo")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func inequalities() { cases.checkInequalities() }
    @Test func validVersions() { cases.checkValid() }
    @Test func parseFailures() { cases.checkInvalid() }
    @Test func prereleaseFlags() { cases.checkPrereleaseFlags() }
    @Test func majorKeys() { cases.checkMajorKeys() }

    /// Unlike npm and swift, cargo orders build metadata instead of ignoring it.
    @Test func buildMetadataBreaksTies() throws {
        let plain = try #require(Versioning.parse("1.0.0", format: .cargo))
        let built = try #require(Versioning.parse("1.0.0+1", format: .cargo))
        #expect(plain < built)
        #expect(try #require(Versioning.parse("1.0.0", format: .npm)) == #require(Versioning.parse("1.0.0+1", format: .npm)))
        #expect(try #require(Versioning.parse("1.0.0", format: .swift)) == #require(Versioning.parse("1.0.0+1", format: .swift)))
    }
}
