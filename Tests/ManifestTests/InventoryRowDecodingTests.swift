@testable import Manifest
import Model
import Testing

/// What an inventory records of a version (status, revision, origin, default display version),
/// read and checked the same way by the fast path and by jansson.
@Suite struct InventoryRowDecodingTests {
    private func decode(_ line: String, flat: Bool) -> Result<ManifestRow, ManifestRowDecoder.Failure> {
        Array(line.utf8).withUnsafeBytes { ManifestRowDecoder(readsFlatLines: flat).decode($0) }
    }

    @Test(arguments: [true, false])
    func readsWhatAnInventoryRecords(flat: Bool) throws {
        let line = #"{"domain":"acme","repository":"npm-store","format":"npm","package":"node","version":"1.0.0","status":"Archived","revision":"REV-1","origin":"EXTERNAL","defaultDisplayVersion":true,"publishedTime":"2024-05-02T10:11:12Z"}"#
        let row = try decode(line, flat: flat).get()
        #expect(row.package == "node")
        #expect(row.status == .archived && row.revision == "REV-1" && row.origin == .external)
        #expect(row.isDefaultDisplayVersion == true)
        #expect(row.publishedTime == Timestamp(iso8601: "2024-05-02T10:11:12Z"))
        let plain = try decode(#"{"domain":"acme","repository":"r1","format":"pypi","package":"p","version":"1","defaultDisplayVersion":false,"status":null}"#, flat: flat).get()
        #expect(plain.isDefaultDisplayVersion == false && plain.status == nil && plain.origin == nil && plain.revision == nil)
    }

    static let refused: [(String, RejectKind, PackageField, String?)] = [
        (#""status":"published""#, .unknownValue, .status, "the service spells it Published"),
        (#""status":"Gone""#, .unknownValue, .status, nil),
        (#""status":1"#, .wrongType, .status, nil),
        (#""origin":"internal""#, .unknownValue, .origin, "the service spells it INTERNAL"),
        (#""revision":"a b""#, .pattern, .revision, "a revision has no white space"),
        (#""revision":"""#, .tooShort, .revision, nil),
        (#""revision":"123456789012345678901234567890123456789012345678901""#, .tooLong, .revision, nil),
        (#""defaultDisplayVersion":"yes""#, .wrongType, .defaultDisplayVersion, nil),
        (#""publishedTime":"2024-05-02 10:11:12""#, .pattern, .publishedTime, "write it as 2024-05-02T10:11:12Z (milliseconds optional)"),
        (#""publishedTime":1714644672"#, .wrongType, .publishedTime, nil),
    ]

    @Test(arguments: refused)
    func refusesWhatTheServiceWouldNot(member: String, kind: RejectKind, field: PackageField, hint: String?) {
        let line = #"{"domain":"acme","repository":"r1","format":"pypi","package":"p","version":"1","# + member + "}"
        for flat in [true, false] {
            guard case .failure(let failure) = decode(line, flat: flat) else {
                Issue.record("\(line) was accepted (fast path: \(flat))")
                continue
            }
            #expect(failure.kind == kind && failure.field == field, "\(line): \(failure)")
            if let hint { #expect(failure.hint == hint) }
        }
    }
}
