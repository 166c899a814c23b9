@testable import Emulator
import Model
import Testing

/// Pins `RevisionSeed`: FNV-1a revisions that are 16 hex digits, stable across runs (fixed
/// values), different per package, version and change count.
@Suite struct RevisionSeedTests {
    private let node = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")

    /// FNV-1a 64 over `text`, written out plainly.
    private func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    @Test func aVersionsRevisionIsTheHashOfItsPathAndVersion() {
        let seed = RevisionSeed(node)
        #expect(seed.revision(of: "1.0.0") == RevisionSeed.hex(fnv1a(node.resourcePath + "@1.0.0")))
        #expect(seed.revision(of: "") == RevisionSeed.hex(fnv1a(node.resourcePath + "@")))
    }

    @Test func revisionsAreStableAcrossRunsAndDistinct() {
        let seed = RevisionSeed(node)
        #expect(seed.revision(of: "1.0.0") == RevisionSeed(node).revision(of: "1.0.0"))
        #expect(seed.revision(of: "1.0.0") != seed.revision(of: "1.0.1"))
        var other = node
        other.repository = "npm-cache"
        #expect(RevisionSeed(other).revision(of: "1.0.0") != seed.revision(of: "1.0.0"))
        #expect(RevisionSeed(other) != seed)
    }

    @Test func eachChangeMakesARevisionOfItsOwn() {
        let base = RevisionSeed(node).revision(of: "1.0.0")
        let revisions = (1...5).map { RevisionSeed.revision(after: base, changes: UInt16($0)) }
        #expect(Set(revisions).count == 5)
        #expect(!revisions.contains(base))
        #expect(RevisionSeed.revision(after: base, changes: 2) == revisions[1])
        #expect(RevisionSeed.revision(after: "R", changes: 1) == RevisionSeed.hex(fnv1a("R#1")))
    }

    @Test func hexIsSixteenLowercaseDigits() {
        #expect(RevisionSeed.hex(0) == "0000000000000000")
        #expect(RevisionSeed.hex(0xAB) == "00000000000000ab")
        #expect(RevisionSeed.hex(.max) == "ffffffffffffffff")
    }
}
