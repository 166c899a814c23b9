/// A NuGet version as NuGet.Versioning's `NuGetVersion.TryParse` parses it and
/// `VersionComparer.Default` orders it.
///
/// One to four numbers (missing ones are 0, so `1.0` = `1.0.0` = `1.0.0.0`; leading zeros and
/// whitespace around each number allowed, each at most `int.MaxValue`), then SemVer 2.0 release
/// labels and build metadata. Labels compare as integers when `int.TryParse` accepts them, else
/// case-insensitively; metadata is ignored. Equality is `Compare(x, y) == 0`, which differs from
/// the comparer's `Equals` only for labels that are equal numbers but different text (`-0`, `0`).
struct NuGetVersion: Sendable {
    let numbers: [Int32]
    /// Empty for a release.
    let releaseLabels: [[UInt8]]

    static func parse(_ text: String) -> Version? {
        // `value.Trim()`: .NET's whitespace is Unicode's White_Space.
        let all = Array(text.unicodeScalars)
        guard let first = all.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        let last = all.lastIndex(where: { !$0.properties.isWhitespace })!
        let value = Array(all[first...last])

        guard let sections = parseSections(value), !sections.version.isEmpty,
              let numbers = normalizedVersion(sections.version)
        else { return nil }
        var labels: [[UInt8]] = []
        for label in sections.releaseLabels ?? [] {
            guard let label = validPart(label, allowLeadingZeros: false) else { return nil }
            labels.append(label)
        }
        if let metadata = sections.metadata {
            for part in metadata.split(separator: ".", omittingEmptySubsequences: false) {
                guard validPart(Array(part), allowLeadingZeros: true) != nil else { return nil }
            }
        }
        return Version(text: text, format: .nuget, isPrerelease: !labels.isEmpty, majorKey: String(numbers[0]),
                       key: .nuget(NuGetVersion(numbers: numbers, releaseLabels: labels)))
    }

    /// `SemanticVersion.ParseSections`: the version before the first `-` or `+`, the release
    /// labels up to the next `+`, the metadata after it. Like the original, a separator that is
    /// the last character stays in the part before it (and so fails validation).
    private static func parseSections(_ value: [Unicode.Scalar])
        -> (version: [Unicode.Scalar], releaseLabels: [[Unicode.Scalar]]?, metadata: [Unicode.Scalar]?)? {
        var version: [Unicode.Scalar]?
        var releaseLabels: [[Unicode.Scalar]]?
        var metadata: [Unicode.Scalar]?
        var dashPos = -1
        var plusPos = -1
        for i in value.indices {
            let end = i == value.count - 1
            let endPos = i + (end ? 1 : 0)
            if dashPos < 0 {
                if end || value[i] == "-" || value[i] == "+" {
                    version = Array(value[..<endPos])
                    dashPos = i
                    if value[i] == "+" { plusPos = i }
                }
            } else if plusPos < 0 {
                if end || value[i] == "+" {
                    releaseLabels = value[(dashPos + 1)..<endPos].split(separator: ".", omittingEmptySubsequences: false).map(Array.init)
                    plusPos = i
                }
            } else if end {
                metadata = Array(value[(plusPos + 1)..<endPos])
            }
        }
        guard let version else { return nil }
        return (version, releaseLabels, metadata)
    }

    /// `NuGetVersion.TryGetNormalizedVersion`: up to four sections of ASCII digits, each with
    /// optional whitespace around it, separated by `.`; the string may not end with `.`.
    private static func normalizedVersion(_ text: [Unicode.Scalar]) -> [Int32]? {
        guard text.contains(where: { !$0.properties.isWhitespace }) else { return nil }
        var numbers: [Int32] = []
        var position = 0
        for _ in 0..<4 {
            guard let (number, next) = section(text, from: position) else { return nil }
            numbers.append(number)
            position = next
        }
        return position == text.count ? numbers : nil
    }

    private static func section(_ text: [Unicode.Scalar], from start: Int) -> (Int32, Int)? {
        if start == text.count { return (0, start) }
        var end = start
        while end < text.count, text[end].properties.isWhitespace { end += 1 }
        if end < text.count, !isDigit(text[end]) { return nil }

        var digitFound = false
        var done = false
        var value: Int64 = 0
        while end < text.count {
            let c = text[end]
            if isDigit(c) {
                digitFound = true
                value = value * 10 + Int64(c.value - 48)
                if value > Int64(Int32.max) { return nil }
            } else if c == "." {
                end += 1
                if end == text.count { return nil }
                done = true
                break
            } else if c.properties.isWhitespace {
                break
            } else {
                return nil
            }
            end += 1
        }
        guard digitFound else { return nil }
        if end == text.count { done = true }
        if !done {
            // Trailing whitespace, then a `.` that must not end the string.
            while end < text.count {
                let c = text[end]
                if !c.properties.isWhitespace {
                    guard c == "." else { return nil }
                    end += 1
                    if end == text.count { return nil }
                    break
                }
                end += 1
            }
        }
        return (Int32(value), end)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 48 && c.value <= 57
    }

    /// `IsValidPart`: non-empty `[0-9A-Za-z-]`, and no leading zero on an all-digit label
    /// unless `allowLeadingZeros`.
    private static func validPart(_ part: [Unicode.Scalar], allowLeadingZeros: Bool) -> [UInt8]? {
        guard !part.isEmpty, part.allSatisfy(\.isASCII) else { return nil }
        let bytes = part.map { UInt8($0.value) }
        guard bytes.allSatisfy(\.isIdentifierCharacter) else { return nil }
        if !allowLeadingZeros, bytes.count > 1, bytes[0] == UInt8(ascii: "0"), bytes.dropFirst().allSatisfy(\.isASCIIDigit) {
            return nil
        }
        return bytes
    }

    func compare(_ other: NuGetVersion) -> Int {
        let result = threeWay(numbers, other.numbers)
        if result != 0 { return result }
        switch (releaseLabels.isEmpty, other.releaseLabels.isEmpty) {
        case (true, true): return 0
        case (false, true): return -1
        case (true, false): return 1
        case (false, false):
            for (a, b) in zip(releaseLabels, other.releaseLabels) {
                let result = Self.compareRelease(a, b)
                if result != 0 { return result }
            }
            return threeWay(releaseLabels.count, other.releaseLabels.count)
        }
    }

    /// `VersionComparer.CompareRelease`: both numeric by value, numeric before alphanumeric,
    /// otherwise `StringComparer.OrdinalIgnoreCase`.
    private static func compareRelease(_ a: [UInt8], _ b: [UInt8]) -> Int {
        switch (int32(a), int32(b)) {
        case let (x?, y?): threeWay(x, y)
        case (_?, nil): -1
        case (nil, _?): 1
        case (nil, nil): threeWay(a.map(\.asciiUppercased), b.map(\.asciiUppercased))
        }
    }

    /// `int.TryParse` on a label: labels hold no whitespace or `+`, so this is an optional `-`
    /// and digits within `Int32`, which Swift's parser accepts alike.
    private static func int32(_ label: [UInt8]) -> Int32? {
        Int32(String(decoding: label, as: UTF8.self))
    }
}
