import JSONLines
import Manifest
import Model
import Testing

/// Pins a manifest row: its line (member order, absent members left out), the round trip through
/// the decoder, the service's checks in member order, and its package's members read as its own.
@Suite struct ManifestRowTests {
    static let full = ManifestRow(domain: "acme", domainOwner: "111122223333", repository: "npm-store", format: .npm,
                                  namespace: "types", package: "node", version: "18.11.9", status: .archived, revision: "REV-1",
                                  origin: .external, publishedTime: Timestamp(iso8601: "2024-05-02T10:11:12.345Z"),
                                  isDefaultDisplayVersion: false)

    static func line(_ row: ManifestRow) -> String { String(decoding: row.encoded().bytes, as: UTF8.self) }

    static func decode(_ text: String) throws -> ManifestRow {
        try Array(text.utf8).withUnsafeBytes { try ManifestRowDecoder().decode($0).get() }
    }

    @Test func membersAreWrittenInFieldOrderAndAbsentOnesLeftOut() {
        #expect(Self.line(Self.full) == #"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"18.11.9","status":"Archived","revision":"REV-1","origin":"EXTERNAL","publishedTime":"2024-05-02T10:11:12.345Z","defaultDisplayVersion":false}"#)
        let minimal = ManifestRow(domain: "acme", repository: "pypi-store", format: .pypi, package: "requests", version: "2.0")
        #expect(Self.line(minimal) == #"{"domain":"acme","repository":"pypi-store","format":"pypi","package":"requests","version":"2.0"}"#)
    }

    @Test func aWrittenRowReadsBackTheSame() throws {
        let rows = [
            Self.full,
            ManifestRow(domain: "acme", repository: "maven-store", format: .maven, namespace: "com.acme", package: "core",
                        version: "1.0-SNAPSHOT", isDefaultDisplayVersion: true),
            ManifestRow(domain: "data-eng", repository: "generic", format: .generic, namespace: "builds",
                        package: "ünïcode-\"quoted\"-\\-name", version: "2024.1.0-build.7", status: .published),
        ]
        for row in rows {
            #expect(try Self.decode(Self.line(row)) == row, "\(Self.line(row))")
        }
    }

    @Test func writeMembersFillsAnObjectBegunElsewhere() throws {
        var w = JSONWriter()
        w.beginObject()
        Self.full.writeMembers(to: &w)
        w.member("decision", "selected")
        w.endObject()
        let object = try #require(try JSONValue.parse(w.bytes).objectValue)
        #expect(object.members.map(\.0) == PackageField.allCases.map(\.rawValue) + ["decision"])
        #expect(try Self.decode(String(decoding: w.bytes, as: UTF8.self)) == Self.full, "the reader ignores the extra member")
    }

    @Test func violationsComeInMemberOrder() {
        let bad = ManifestRow(domain: "A", domainOwner: "123", repository: "r", format: .pypi, namespace: "ns",
                              package: "a/b", version: "")
        #expect(bad.violations().map(\.field) == [.domain, .domainOwner, .repository, .namespace, .package, .version])
        #expect(bad.violations().map(\.rule) == [.tooShort, .pattern, .tooShort, .namespaceForbidden, .pattern, .tooShort])
        #expect(Self.full.violations().isEmpty)
        // An absent owner is the caller's account; an absent namespace is checked against the format.
        let maven = ManifestRow(domain: "acme", repository: "maven-store", format: .maven, package: "core", version: "1")
        #expect(maven.violations().map(\.rule) == [.namespaceRequired])
    }

    @Test func thePackagesMembersReadAsTheRowsOwn() {
        var row = Self.full
        #expect(row.domain == "acme" && row.domainOwner == "111122223333" && row.namespace == "types")
        #expect(row.package == row.key.package && row.format == .npm)
        row.namespace = nil
        row.repository = "other-store"
        #expect(row.key == PackageKey(domain: "acme", domainOwner: "111122223333", repository: "other-store", format: .npm,
                                      namespace: nil, package: "node"))
    }

    @Test func whatTheInventoryRecordedMakesRowsDifferent() {
        var other = Self.full
        other.status = .published
        #expect(other != Self.full)
        other = Self.full
        other.revision = nil
        #expect(other != Self.full)
        #expect(Set([Self.full, Self.full, other]).count == 2)
    }

    @Test func theDefaultOwnerFillsOnlyAMissingOne() {
        var row = Self.full
        #expect(PackageKey(row, defaultOwner: "999988887777").domainOwner == "111122223333")
        row.domainOwner = nil
        #expect(PackageKey(row, defaultOwner: "999988887777").domainOwner == "999988887777")
        #expect(PackageKey(row, defaultOwner: nil).domainOwner == nil)
    }
}
