import Model
import Testing
import Versioning

/// Maven's own `ComparableVersionTest` cases (`Cases/maven.json`), and the pre-release flag and
/// per-major key, which are cabatch's reading of the item list (Maven itself has neither).
@Suite struct MavenVersionTests {
    let cases: CaseFile

    init() throws {
        cases = try CaseFile.load("maven")
    }

    @Test func orderings() { cases.checkOrderings() }
    @Test func equalities() { cases.checkEqualities() }
    @Test func validVersions() { cases.checkValid() }

    /// `ComparableVersion` accepts any string, the empty one included (it equals `0`).
    @Test func everyStringParses() throws {
        for text in ["", "-", ".", "foo bar", "#", "\u{1F600}"] {
            #expect(Versioning.parse(text, format: .maven) != nil, "\(text)")
        }
        #expect(try #require(Versioning.parse("", format: .maven)) == #require(Versioning.parse("0", format: .maven)))
    }

    /// A qualifier ranked below the release (alpha, beta, milestone, rc/cr, snapshot, and a, b,
    /// m before a digit), at any depth, makes a pre-release; sp, ga, final, release and unknown
    /// qualifiers, which sort at or after the release, do not.
    @Test(arguments: [
        ("1.0-SNAPSHOT", true), ("1.0-alpha-1", true), ("1.0-beta2", true), ("1.0-M3", true), ("1.0.0.RC1", true),
        ("1.0-cr1", true), ("1a1", true), ("1.0-alpha-1-SNAPSHOT", true), ("1-1-snapshot", true),
        ("1.0", false), ("1.0-sp1", false), ("1.0.GA", false), ("1.0.Final", false), ("1.0-RELEASE", false),
        ("1.0-a", false), ("1.0-jre", false), ("1.0-1", false), ("2.5.12.Final-redhat-00001", false),
    ])
    func prereleaseFlag(text: String, expected: Bool) throws {
        #expect(try #require(Versioning.parse(text, format: .maven)).isPrerelease == expected)
    }

    /// The first item of the list when it is a number; a version that is all zeros has only
    /// null items, which Maven drops, so its key is 0; one that starts with a qualifier has none.
    @Test(arguments: [
        ("1.0", "1"), ("1", "1"), ("01.2", "1"), ("12.0-SNAPSHOT", "12"), ("0.9.1", "0"), ("0", "0"), ("", "0"),
        ("20190126.230843", "20190126"), ("12345678901234567890.1", "12345678901234567890"),
        ("1a1", "1"), ("alpha-1", ""), ("RELEASE", "0"), ("-1", ""),
    ])
    func majorKey(text: String, expected: String) throws {
        #expect(try #require(Versioning.parse(text, format: .maven)).majorKey == expected)
    }
}
