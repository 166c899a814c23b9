import Model
import Testing

@Suite struct PackageKeyTests {
    /// Plans and shards depend on these values staying the same on every machine and release.
    @Test func stableHashIsFNV1aOverTheMembersAndNeverChanges() {
        let key = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")
        var expected: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in ["acme", "", "npm-store", "npm", "types", "node"] {
            for byte in part.utf8 { expected = (expected ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            expected &*= 0x0000_0100_0000_01B3
        }
        #expect(key.stableHash == expected)
        // An absent owner and namespace are empty, so the separators keep members apart.
        let shifted = PackageKey(domain: "acmen", repository: "pm-store", format: .npm, namespace: "types", package: "node")
        #expect(shifted.stableHash != key.stableHash)
    }

    @Test func orderIsMemberByMemberInUTF8ByteOrder() {
        func key(_ domain: String, owner: String? = nil, _ package: String, namespace: String? = nil) -> PackageKey {
            PackageKey(domain: domain, domainOwner: owner, repository: "r", format: .npm, namespace: namespace, package: package)
        }
        // "Z" (0x5A) before "a" (0x61), and "é" (0xC3 0xA9) after "z": bytes, not Unicode collation.
        let sorted = [key("a", "é"), key("a", "z"), key("a", "Z"), key("a", owner: "1", "a"), key("a", "a", namespace: "n")].sorted()
        // The owner decides before the namespace, the namespace before the package.
        #expect(sorted.map(\.package) == ["Z", "z", "é", "a", "a"])
        #expect(sorted[3].namespace == "n" && sorted[4].domainOwner == "1")
        #expect(!(key("a", "p") < key("a", "p")))
    }

    @Test func namesReadAsPeopleWriteThem() {
        let scoped = PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store", format: .npm,
                                namespace: "types", package: "node")
        #expect(scoped.packageName == "npm/types/node")
        #expect(scoped.description == "acme(111122223333)/npm-store npm/types/node")
        let plain = PackageKey(domain: "acme", repository: "pypi-store", format: .pypi, package: "requests")
        #expect(plain.description == "acme/pypi-store pypi/requests")
    }
}
