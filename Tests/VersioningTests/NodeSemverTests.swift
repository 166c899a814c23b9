import Model
import Testing
import Versioning

/// node-semver's own fixtures (`Cases/npm.json`), and what `NodeSemver` takes from JavaScript:
/// `trim`'s white space, lengths in UTF-16 units, and numbers no larger than `MAX_SAFE_INTEGER`.
@Suite struct NodeSemverTests {
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

    static func npm(_ text: String) -> Version? { Versioning.parse(text, format: .npm) }

    /// JavaScript's `trim` removes its own white space (no-break space, BOM, line separators), not
    /// every Unicode space; a leading `v` goes too.
    @Test func javaScriptWhiteSpaceIsTrimmed() throws {
        for text in ["\u{FEFF}1.2.3", "1.2.3\u{A0}", "\u{2028}\tv1.2.3\u{3000}", " 1.2.3 "] {
            let version = try #require(Self.npm(text), "\(text.debugDescription)")
            #expect(version == Self.npm("1.2.3")!)
            #expect(version.text == text, "the text is kept as given")
        }
        for text in ["\u{85}1.2.3", "1.2.3\u{180E}", "\u{200B}1.2.3", "1.2.3-\u{E9}", "vv1.2.3", "V1.2.3"] {
            #expect(Self.npm(text) == nil, "\(text.debugDescription)")
        }
    }

    /// `version.length > 256` is checked before trimming, in UTF-16 code units.
    @Test func atMost256UTF16UnitsBeforeTrimming() {
        let prerelease = "1.0.0-" + String(repeating: "a", count: 250)
        #expect(Self.npm(prerelease) != nil)
        #expect(Self.npm(prerelease + "a") == nil)
        #expect(Self.npm("1.0.0" + String(repeating: " ", count: 251)) != nil)
        #expect(Self.npm("1.0.0" + String(repeating: " ", count: 252)) == nil)
        #expect(Self.npm(String(repeating: "\u{3000}", count: 251) + "1.0.0") != nil)
        #expect(Self.npm(String(repeating: "\u{3000}", count: 252) + "1.0.0") == nil)
    }

    @Test func mainNumbersAreSafeIntegersWithoutLeadingZeros() throws {
        let largest = try #require(Self.npm("9007199254740991.0.0"))
        #expect(largest.majorKey == "9007199254740991")
        #expect(Self.npm("9007199254740992.0.0") == nil)
        #expect(Self.npm("1.9007199254740992.0") == nil)
        for text in ["01.2.3", "1.02.3", "1.2.03", "1.2", "1.2.3.4", "1..3", "-1.2.3", "1.2.3-", "1.2.3+", "1.2.3-a..b",
                     "1.2.3+a..b", "1.2.3-01", "1.2.3-a_b"] {
            #expect(Self.npm(text) == nil, "\(text)")
        }
        #expect(Self.npm("0.0.0") != nil && Self.npm("1.2.3-0a") != nil && Self.npm("1.2.3-0") != nil)
    }

    /// A numeric pre-release identifier from `MAX_SAFE_INTEGER` up stays a string, compared with
    /// other digit strings as a double: two that round alike tie, and the first tie decides.
    @Test func outsizedPrereleaseNumbersCompareAsDoubles() throws {
        let a = try #require(Self.npm("1.0.0-9007199254740991")), b = try #require(Self.npm("1.0.0-9007199254740992"))
        #expect(a < b)
        let c = try #require(Self.npm("1.0.0-9007199254740993"))
        #expect(b == c, "both are 2^53 as doubles")
        #expect(try #require(Self.npm("1.0.0-9007199254740992.1")) == #require(Self.npm("1.0.0-9007199254740993.2")))
        // Digits sort below letters, numbers by value.
        #expect(try #require(Self.npm("1.0.0-99999999999999999999")) < #require(Self.npm("1.0.0-alpha")))
        #expect(try #require(Self.npm("1.0.0-10")) > #require(Self.npm("1.0.0-9")))
    }

    @Test func buildMetadataIsReadAndIgnored() throws {
        let plain = try #require(Self.npm("1.0.0"))
        #expect(try #require(Self.npm("1.0.0+build.7")) == plain)
        #expect(try #require(Self.npm("1.0.0-rc.1+build")).isPrerelease)
        #expect(try !#require(Self.npm("1.0.0+build-rc")).isPrerelease)
    }
}
