@testable import Emulator
import JSONLines
import Model
import Testing

/// Pins `StoredVersion.write`: a state file line holds the manifest row's members in order,
/// absent optional ones left out, then the counts.
@Suite struct StoredVersionTests {
    private func line(_ version: StoredVersion) -> String {
        var json = JSONWriter()
        version.write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func writesTheRowsMembersThenTheCounts() {
        let full = StoredVersion(package: PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store", format: .npm,
                                                     namespace: "types", package: "node"),
                                 version: "1.0.0", status: "Deleted", revision: "R", deletes: 1, changes: 2)
        #expect(line(full) == #"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","#
            + #""namespace":"types","package":"node","version":"1.0.0","status":"Deleted","revision":"R","deletes":1,"changes":2}"#)
        let bare = StoredVersion(package: PackageKey(domain: "acme", repository: "pypi-store", format: .pypi, package: "req\"uests"),
                                 version: "2", status: "Published", revision: "S", deletes: 0, changes: 0)
        #expect(line(bare) == #"{"domain":"acme","repository":"pypi-store","format":"pypi","package":"req\"uests","version":"2","#
            + #""status":"Published","revision":"S","deletes":0,"changes":0}"#)
    }
}
