import Model

/// Where the revisions the emulator makes up for a package start: the FNV-1a state after the
/// package's path, from which each version's computed revision goes on. Stable across runs and
/// machines, so runs can be compared; made once per request, not once per version.
struct RevisionSeed: Sendable, Hashable {
    private let state: UInt64

    init(_ package: PackageKey) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in package.resourcePath.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = (hash ^ UInt64(UInt8(ascii: "@"))) &* 0x100_0000_01b3
    }

    /// The revision of `version` of the package while the inventory names none.
    func revision(of version: String) -> String {
        var hash = state
        for byte in version.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Self.hex(hash)
    }

    /// The revision a version has after its `changes`-th status change, from the one it had
    /// before any: deterministic, so that a rerun gives the same revisions.
    static func revision(after base: String, changes: UInt16) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(base)#\(changes)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hex(hash)
    }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
