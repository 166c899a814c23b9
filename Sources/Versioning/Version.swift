import Model

/// A version parsed in its ecosystem's order.
///
/// `<` and `==` are the ecosystem's own, so two different strings can be equal (maven `1.0` and
/// `1`, pypi `1.0` and `1.0.0`, npm `1.2.3+a` and `1.2.3+b`); nothing here breaks such ties, the
/// caller does. Versions of different formats never share an order: they sort by format name.
public struct Version: Sendable, Comparable, CustomStringConvertible {
    /// The string as given to `Versioning.parse`.
    public let text: String
    /// The ecosystem whose order this version follows.
    public let format: PackageFormat
    /// Whether the ecosystem counts this version as a pre-release: a SemVer pre-release part
    /// (npm, nuget, cargo, swift), a PEP 440 pre or dev part, a letter anywhere (ruby), or a
    /// maven qualifier that sorts before the release (alpha, beta, milestone, rc, snapshot).
    public let isPrerelease: Bool
    /// What "per major" groups by: the SemVer major (npm, nuget, cargo, swift), the epoch and first
    /// release number (pypi, `2!1`, the epoch only when not 0), the first item when it is a number
    /// (maven; `""` when the version starts with a qualifier), the first segment (ruby).
    public let majorKey: String

    let key: Key

    /// The parsed form each ecosystem compares.
    enum Key: Sendable {
        case npm(NodeSemver)
        case pypi(PEP440Version)
        case maven(MavenVersion)
        case nuget(NuGetVersion)
        case ruby(GemVersion)
        case cargo(CargoVersion)
        case swift(SwiftPMVersion)
    }

    init(text: String, format: PackageFormat, isPrerelease: Bool, majorKey: String, key: Key) {
        self.text = text
        self.format = format
        self.isPrerelease = isPrerelease
        self.majorKey = majorKey
        self.key = key
    }

    public var description: String { text }

    /// -1, 0 or 1 as this version sorts before, with or after `other` in its ecosystem's order.
    public func compare(_ other: Version) -> Int {
        switch (key, other.key) {
        case let (.npm(l), .npm(r)): l.compare(r)
        case let (.pypi(l), .pypi(r)): l.compare(r)
        case let (.maven(l), .maven(r)): l.compare(r)
        case let (.nuget(l), .nuget(r)): l.compare(r)
        case let (.ruby(l), .ruby(r)): l.compare(r)
        case let (.cargo(l), .cargo(r)): l.compare(r)
        case let (.swift(l), .swift(r)): l.compare(r)
        default: threeWay(format, other.format)
        }
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        lhs.compare(rhs) < 0
    }

    public static func == (lhs: Version, rhs: Version) -> Bool {
        lhs.compare(rhs) == 0
    }
}

/// Each package ecosystem's version order, as its own tools define it.
public enum Versioning {
    /// `text` parsed as `format`'s tools parse it, or nil when they reject it (never a guess), and
    /// always nil for `generic`, which has no version order.
    ///
    /// The tools followed: npm node-semver `valid()` (not loose), pypi `packaging.version.Version`,
    /// maven 3.9 `ComparableVersion` (which accepts any string), nuget `NuGetVersion.TryParse`,
    /// ruby `Gem::Version`, cargo the `semver` crate's `Version::parse`, swift SwiftPM's
    /// `Version(_:)` (swift-tools-support-core).
    public static func parse(_ text: String, format: PackageFormat) -> Version? {
        switch format {
        case .npm: NodeSemver.parse(text)
        case .pypi: PEP440Version.parse(text)
        case .maven: MavenVersion.parse(text)
        case .nuget: NuGetVersion.parse(text)
        case .ruby: GemVersion.parse(text)
        case .cargo: CargoVersion.parse(text)
        case .swift: SwiftPMVersion.parse(text)
        case .generic: nil
        }
    }

    /// Whether `format` orders its versions; `generic` does not (order its versions by publish time).
    public static func hasVersionOrder(_ format: PackageFormat) -> Bool {
        format != .generic
    }
}
