import Model
import Testing
import Versioning

/// swift-tools-support-core's own `VersionTests.swift` cases (`Cases/swift.json`), the `Version`
/// SwiftPM orders package versions with, and where SwiftPM is more lenient than SemVer.
@Suite struct SwiftPMVersionTests {
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

    static func swift(_ text: String) -> Version? { Versioning.parse(text, format: .swift) }

    @Test func leadingZerosAreAccepted() throws {
        let padded = try #require(Self.swift("01.002.3"))
        #expect(padded == Self.swift("1.2.3")!)
        #expect(padded.majorKey == "1")
    }

    @Test func emptyIdentifiersAreAccepted() throws {
        let empty = try #require(Self.swift("1.2.3-"))
        #expect(empty.isPrerelease)
        #expect(empty < Self.swift("1.2.3")!)
        #expect(Self.swift("1.2.3-a..b") != nil)
        #expect(Self.swift("1.2.3+") != nil)
        #expect(try #require(Self.swift("1.2.3-0")) < #require(Self.swift("1.2.3-")), "an empty identifier is text: after numbers")
    }

    /// Any identifier `Int(_:)` reads is a number, `-1` included, and numbers sort below text.
    @Test func identifiersIntReadsAreNumbers() throws {
        #expect(try #require(Self.swift("1.0.0--1")) < #require(Self.swift("1.0.0-0")))
        #expect(try #require(Self.swift("1.0.0-10")) > #require(Self.swift("1.0.0-9")))
        #expect(try #require(Self.swift("1.0.0-99999999999999999999")) > #require(Self.swift("1.0.0-9")),
                "too large for Int: text, which sorts after numbers")
    }

    @Test func whatSwiftPMRefuses() {
        for text in ["1.2", "1.2.3.4", "v1.2.3", " 1.2.3", "1.2.3-\u{E9}", "1.2.3-a_b", "1.2.3+b@d", "\u{661}.2.3",
                     "99999999999999999999.0.0", "1.2.x", ""] {
            #expect(Self.swift(text) == nil, "\(text)")
        }
    }
}
