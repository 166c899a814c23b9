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

    /// `é` (U+00E9) and `e` + U+0301 are one string to Swift and two package names to the service.
    @Test func equalityIsByteForByteNotCanonicalEquivalence() {
        func key(_ package: String, namespace: String? = nil, owner: String? = nil) -> PackageKey {
            PackageKey(domain: "acme", domainOwner: owner, repository: "r", format: .npm, namespace: namespace, package: package)
        }
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(key("caf\u{E9}") != key("cafe\u{301}"))
        #expect(key("p", namespace: "\u{C5}") != key("p", namespace: "A\u{30A}"))
        #expect(Set([key("caf\u{E9}"), key("cafe\u{301}"), key("caf\u{E9}")]).count == 2)
        #expect(key("café") == key("caf\u{E9}"))
        // Absent is not empty, and members do not run into each other.
        #expect(key("p", namespace: nil) != key("p", namespace: ""))
        #expect(key("p", owner: nil) != key("p", owner: ""))
        #expect(key("ab", namespace: "c") != key("b", namespace: "ca"))
        // Equal keys are neither before the other.
        #expect(!(key("caf\u{E9}") < key("caf\u{E9}")) && (key("cafe\u{301}") < key("caf\u{E9}")))
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
