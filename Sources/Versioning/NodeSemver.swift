/// An npm version as node-semver 7 parses and orders it without `loose`: `valid()` and `compare()`.
///
/// Build metadata is parsed and ignored. Numbers follow JavaScript: the major, minor and patch
/// must not exceed `Number.MAX_SAFE_INTEGER`, and a numeric pre-release identifier that does not
/// fit stays a string which compares with other numbers as a rounded double.
struct NodeSemver: Sendable {
    static let maxLength = 256
    static let maxSafeInteger: UInt64 = 9_007_199_254_740_991

    enum Identifier: Sendable {
        case number(UInt64)
        /// Letters or hyphens, or digits too large for a safe integer.
        case text([UInt8])
    }

    let major: UInt64
    let minor: UInt64
    let patch: UInt64
    let prerelease: [Identifier]

    static func parse(_ text: String) -> Version? {
        // `version.length` in JavaScript counts UTF-16 code units, before trimming.
        guard text.utf16.count <= maxLength else { return nil }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isJavaScriptWhitespace($0) }) else { return nil }
        let last = scalars.lastIndex(where: { !isJavaScriptWhitespace($0) })!
        let trimmed = scalars[first...last]
        guard trimmed.allSatisfy(\.isASCII) else { return nil }
        var bytes = trimmed.map { UInt8($0.value) }[...]

        if bytes.first == UInt8(ascii: "v") { bytes.removeFirst() }
        guard let major = mainNumber(&bytes), bytes.popFirst() == UInt8(ascii: "."),
              let minor = mainNumber(&bytes), bytes.popFirst() == UInt8(ascii: "."),
              let patch = mainNumber(&bytes)
        else { return nil }

        var prerelease: [Identifier] = []
        var build: [UInt8] = []
        if bytes.first == UInt8(ascii: "-") {
            bytes.removeFirst()
            let end = bytes.firstIndex(of: UInt8(ascii: "+")) ?? bytes.endIndex
            for part in Array(bytes[..<end]).splitKeepingEmpty(UInt8(ascii: ".")) {
                guard let identifier = prereleaseIdentifier(part) else { return nil }
                prerelease.append(identifier)
            }
            bytes = bytes[end...]
        }
        if bytes.first == UInt8(ascii: "+") {
            build = Array(bytes.dropFirst())
            guard build.splitKeepingEmpty(UInt8(ascii: ".")).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isIdentifierCharacter) })
            else { return nil }
            bytes = []
        }
        guard bytes.isEmpty else { return nil }

        let version = NodeSemver(major: major, minor: minor, patch: patch, prerelease: prerelease)
        return Version(text: text, format: .npm, isPrerelease: !prerelease.isEmpty, majorKey: String(major), key: .npm(version))
    }

    /// `0|[1-9]\d*`, then `+m[i]` must not exceed `MAX_SAFE_INTEGER`.
    private static func mainNumber(_ bytes: inout ArraySlice<UInt8>) -> UInt64? {
        let digits = bytes.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        bytes = bytes.dropFirst(digits.count)
        // 17 digits already exceed 2^53 - 1.
        guard digits.count <= 16, let value = UInt64(String(decoding: digits, as: UTF8.self)), value <= maxSafeInteger
        else { return nil }
        return value
    }

    /// `NONNUMERICIDENTIFIER | NUMERICIDENTIFIER`; digits below `MAX_SAFE_INTEGER` become numbers.
    private static func prereleaseIdentifier(_ part: [UInt8]) -> Identifier? {
        guard !part.isEmpty, part.allSatisfy(\.isIdentifierCharacter) else { return nil }
        guard part.isAllASCIIDigits else { return .text(part) }
        guard part.first != UInt8(ascii: "0") || part.count == 1 else { return nil }
        if part.count <= 16, let value = UInt64(String(decoding: part, as: UTF8.self)), value < maxSafeInteger {
            return .number(value)
        }
        return .text(part)
    }

    /// `String.prototype.trim`'s WhiteSpace and LineTerminator code points.
    private static func isJavaScriptWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    func compare(_ other: NodeSemver) -> Int {
        let main = threeWay([major, minor, patch], [other.major, other.minor, other.patch])
        if main != 0 { return main }
        // Not having a pre-release is greater than having one.
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        var index = 0
        while true {
            switch (index < prerelease.count, index < other.prerelease.count) {
            case (false, false): return 0
            case (true, false): return 1
            case (false, true): return -1
            case (true, true): break
            }
            let (a, b) = (prerelease[index], other.prerelease[index])
            index += 1
            if Self.strictlyEqual(a, b) { continue }
            // The first differing identifier decides, even when compareIdentifiers calls it a tie
            // (two different digit strings that round to the same double).
            return Self.compareIdentifiers(a, b)
        }
    }

    /// JavaScript `===` between a number and a string is false.
    private static func strictlyEqual(_ a: Identifier, _ b: Identifier) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): x == y
        case let (.text(x), .text(y)): x == y
        default: false
        }
    }

    /// `internal/identifiers.js` `compareIdentifiers`.
    private static func compareIdentifiers(_ a: Identifier, _ b: Identifier) -> Int {
        if case let .number(x) = a, case let .number(y) = b { return threeWay(x, y) }
        switch (numericValue(a), numericValue(b)) {
        case let (x?, y?): return threeWay(x, y)
        case (_?, nil): return -1
        case (nil, _?): return 1
        case (nil, nil):
            guard case let .text(x) = a, case let .text(y) = b else { return 0 }
            return threeWay(x, y) < 0 ? -1 : 1
        }
    }

    /// `+a` for an identifier that `/^[0-9]+$/` matches.
    private static func numericValue(_ identifier: Identifier) -> Double? {
        switch identifier {
        case let .number(value): Double(value)
        case let .text(bytes): bytes.isAllASCIIDigits ? Double(String(decoding: bytes, as: UTF8.self)) : nil
        }
    }
}
