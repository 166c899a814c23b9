/// A Cargo version as the Rust `semver` crate's `Version::parse` parses it and its `Ord` orders
/// it: SemVer 2.0, except that build metadata breaks ties instead of being ignored.
///
/// Numbers are `u64` without leading zeros. Build metadata orders after the pre-release: none
/// first, then identifier by identifier, numbers before text, numbers by value and then by
/// length (`0 < 00 < 1 < 01`), text in ASCII order.
struct CargoVersion: Sendable {
    let major: UInt64
    let minor: UInt64
    let patch: UInt64
    /// Split on `.`; empty for a release.
    let pre: [[UInt8]]
    /// Split on `.` like Rust's `str::split`, so no metadata is one empty identifier.
    let build: [[UInt8]]

    static func parse(_ text: String) -> Version? {
        var bytes = Array(text.utf8)[...]
        guard let major = number(&bytes), bytes.popFirst() == UInt8(ascii: "."),
              let minor = number(&bytes), bytes.popFirst() == UInt8(ascii: "."),
              let patch = number(&bytes)
        else { return nil }
        var pre: [UInt8] = []
        var build: [UInt8] = []
        if bytes.first == UInt8(ascii: "-") {
            bytes.removeFirst()
            guard let identifier = identifier(&bytes, isPrerelease: true) else { return nil }
            pre = identifier
        }
        if bytes.first == UInt8(ascii: "+") {
            bytes.removeFirst()
            guard let identifier = identifier(&bytes, isPrerelease: false) else { return nil }
            build = identifier
        }
        guard bytes.isEmpty else { return nil }
        return Version(text: text, format: .cargo, isPrerelease: !pre.isEmpty, majorKey: String(major),
                       key: .cargo(CargoVersion(major: major, minor: minor, patch: patch,
                                                pre: pre.isEmpty ? [] : pre.splitKeepingEmpty(UInt8(ascii: ".")),
                                                build: build.splitKeepingEmpty(UInt8(ascii: ".")))))
    }

    /// `numeric_identifier`: digits, no leading zero, within `u64`.
    private static func number(_ bytes: inout ArraySlice<UInt8>) -> UInt64? {
        let digits = bytes.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.first != UInt8(ascii: "0") || digits.count == 1,
              let value = UInt64(String(decoding: digits, as: UTF8.self))
        else { return nil }
        bytes = bytes.dropFirst(digits.count)
        return value
    }

    /// `identifier`: non-empty `[0-9A-Za-z-]` segments separated by `.`, up to the first other
    /// character; an all-digit pre-release segment may not have a leading zero.
    private static func identifier(_ bytes: inout ArraySlice<UInt8>, isPrerelease: Bool) -> [UInt8]? {
        let text = bytes.prefix(while: { $0.isIdentifierCharacter || $0 == UInt8(ascii: ".") })
        for segment in Array(text).splitKeepingEmpty(UInt8(ascii: ".")) {
            guard !segment.isEmpty else { return nil }
            if isPrerelease, segment.count > 1, segment.isAllASCIIDigits, segment.first == UInt8(ascii: "0") { return nil }
        }
        bytes = bytes.dropFirst(text.count)
        return Array(text)
    }

    func compare(_ other: CargoVersion) -> Int {
        var result = threeWay([major, minor, patch], [other.major, other.minor, other.patch])
        if result == 0 { result = Self.comparePre(pre, other.pre) }
        if result == 0 { result = Self.compareBuild(build, other.build) }
        return result
    }

    /// `impl Ord for Prerelease`: a release is greater than any pre-release.
    private static func comparePre(_ lhs: [[UInt8]], _ rhs: [[UInt8]]) -> Int {
        if lhs == rhs { return 0 }
        if lhs.isEmpty { return 1 }
        if rhs.isEmpty { return -1 }
        return compareIdentifiers(lhs, rhs) { l, r in
            // Pre-release numbers have no leading zeros: the longer is larger.
            threeWay(l.count, r.count) != 0 ? threeWay(l.count, r.count) : threeWay(l, r)
        }
    }

    /// `impl Ord for BuildMetadata`: empty sorts first; equal numbers order by their length.
    private static func compareBuild(_ lhs: [[UInt8]], _ rhs: [[UInt8]]) -> Int {
        if lhs == rhs { return 0 }
        return compareIdentifiers(lhs, rhs) { l, r in
            let (lv, rv) = (l.drop(while: { $0 == UInt8(ascii: "0") }), r.drop(while: { $0 == UInt8(ascii: "0") }))
            if lv.count != rv.count { return threeWay(lv.count, rv.count) }
            let values = threeWay(Array(lv), Array(rv))
            return values != 0 ? values : threeWay(l.count, r.count)
        }
    }

    /// Identifier by identifier (an empty one counts as numeric, as Rust's `all` of nothing is
    /// true); numbers before text; a longer list after its prefix.
    private static func compareIdentifiers(_ left: [[UInt8]], _ right: [[UInt8]], numbers: ([UInt8], [UInt8]) -> Int) -> Int {
        for (l, r) in zip(left, right) {
            let result = switch (l.isAllASCIIDigits, r.isAllASCIIDigits) {
            case (true, true): numbers(l, r)
            case (true, false): -1
            case (false, true): 1
            case (false, false): threeWay(l, r)
            }
            if result != 0 { return result }
        }
        return threeWay(left.count, right.count)
    }
}
