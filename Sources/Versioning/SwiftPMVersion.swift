/// A Swift package version as SwiftPM's `Version` (swift-tools-support-core `TSCUtility.Version`)
/// parses and orders it: SemVer 2.0 with build metadata ignored.
///
/// SwiftPM is more lenient than the SemVer grammar: it accepts leading zeros (`01.2.3`), empty
/// identifiers (`1.2.3-`, `1.2.3-a..b`), and compares any identifier `Int(_:)` accepts as a
/// number, `-1` included.
struct SwiftPMVersion: Sendable {
    let major: Int
    let minor: Int
    let patch: Int
    /// Empty for a release.
    let prerelease: [[UInt8]]

    static func parse(_ text: String) -> Version? {
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let bytes = Array(text.utf8)
        let metadataStart = bytes.firstIndex(of: UInt8(ascii: "+"))
        let prereleaseStart = bytes[..<(metadataStart ?? bytes.endIndex)].firstIndex(of: UInt8(ascii: "-"))

        let core = Array(bytes[..<(prereleaseStart ?? metadataStart ?? bytes.endIndex)]).splitKeepingEmpty(UInt8(ascii: "."))
        guard core.count == 3, let major = int(core[0]), let minor = int(core[1]), let patch = int(core[2]) else { return nil }

        var prerelease: [[UInt8]] = []
        if let prereleaseStart {
            prerelease = Array(bytes[(prereleaseStart + 1)..<(metadataStart ?? bytes.endIndex)]).splitKeepingEmpty(UInt8(ascii: "."))
            guard prerelease.allSatisfy({ $0.allSatisfy(\.isIdentifierCharacter) }) else { return nil }
        }
        if let metadataStart {
            let metadata = Array(bytes[(metadataStart + 1)...]).splitKeepingEmpty(UInt8(ascii: "."))
            guard metadata.allSatisfy({ $0.allSatisfy(\.isIdentifierCharacter) }) else { return nil }
        }
        return Version(text: text, format: .swift, isPrerelease: !prerelease.isEmpty, majorKey: String(major),
                       key: .swift(SwiftPMVersion(major: major, minor: minor, patch: patch, prerelease: prerelease)))
    }

    /// `Int(_:)` on an identifier: an optional sign and ASCII digits within `Int`.
    private static func int(_ text: [UInt8]) -> Int? {
        Int(String(decoding: text, as: UTF8.self))
    }

    func compare(_ other: SwiftPMVersion) -> Int {
        Self.less(self, other) ? -1 : (Self.less(other, self) ? 1 : 0)
    }

    /// `static func < (lhs: Version, rhs: Version)`; equality is neither being less.
    private static func less(_ lhs: SwiftPMVersion, _ rhs: SwiftPMVersion) -> Bool {
        let (l, r) = ([lhs.major, lhs.minor, lhs.patch], [rhs.major, rhs.minor, rhs.patch])
        if l != r { return l.lexicographicallyPrecedes(r) }
        guard !lhs.prerelease.isEmpty else { return false }
        guard !rhs.prerelease.isEmpty else { return true }
        for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
            switch (int(a), int(b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.lexicographicallyPrecedes(b)
            }
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }
}
