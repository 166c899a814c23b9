import Manifest
import TestSupport
import Testing
import Model

@Suite struct ManifestRowDecoderTests {
    private func decode(_ text: String) -> Result<ManifestRow, ManifestRowDecoder.Failure> {
        decode(Array(text.utf8))
    }

    private func decode(_ bytes: [UInt8]) -> Result<ManifestRow, ManifestRowDecoder.Failure> {
        bytes.withUnsafeBytes { ManifestRowDecoder().decode($0) }
    }

    @Test func decodesAValidRowAndIgnoresUnknownMembers() throws {
        let row = try decode(#"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"18.11.9","status":"Published","revision":"abc","publishedTime":"2024-05-02T10:11:12Z","size":1}"#).get()
        #expect(row == ManifestRow(domain: "acme", domainOwner: "111122223333", repository: "npm-store", format: .npm,
                                   namespace: "types", package: "node", version: "18.11.9", status: .published,
                                   revision: "abc", publishedTime: Timestamp(iso8601: "2024-05-02T10:11:12Z")))
    }

    @Test func nullNamespaceAndOwnerAreAbsent() throws {
        let row = try decode(#"{"domain":"acme","domainOwner":null,"repository":"pypi-store","format":"pypi","namespace":null,"package":"requests","version":"2.0"}"#).get()
        #expect(row.namespace == nil)
        #expect(row.domainOwner == nil)
    }

    @Test(arguments: [
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1"#, RejectKind.invalidJSON, nil),
        (#"[1,2]"#, .notAnObject, nil),
        (#""just a string""#, .notAnObject, nil),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p"}"#, .missingMember, PackageField.version),
        (#"{"repository":"r1","format":"npm","package":"p","version":"1"}"#, .missingMember, .domain),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":1}"#, .wrongType, .version),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":null,"version":"1"}"#, .wrongType, .package),
        (#"{"domain":"acme","repository":"r1","format":"npm","namespace":7,"package":"p","version":"1"}"#, .wrongType, .namespace),
        (#"{"domain":"a","repository":"r1","format":"npm","package":"p","version":"1"}"#, .tooShort, .domain),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1/2"}"#, .pattern, .version),
        (#"{"domain":"acme","repository":"r1","format":"Maven","package":"p","version":"1"}"#, .unknownFormat, .format),
        (#"{"domain":"acme","repository":"r1","format":"maven","package":"p","version":"1"}"#, .namespaceRequired, .namespace),
        (#"{"domain":"acme","repository":"r1","format":"cargo","namespace":"x","package":"p","version":"1"}"#, .namespaceForbidden, .namespace),
        (#"{"domain":"acme","repository":"r1","format":"npm","namespace":"@types","package":"node","version":"1"}"#, .pattern, .namespace),
    ] as [(String, RejectKind, PackageField?)])
    func rejectsWithTheRightKindAndField(line: String, kind: RejectKind, field: PackageField?) {
        guard case .failure(let failure) = decode(line) else {
            Issue.record("accepted \(line)")
            return
        }
        #expect(failure.kind == kind)
        #expect(failure.field == field)
        #expect(!failure.message.isEmpty)
    }

    @Test func invalidUTF8IsItsOwnKind() {
        let bytes = Array(#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1."#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        guard case .failure(let failure) = decode(bytes) else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(failure.kind == .notUTF8)
    }
}
