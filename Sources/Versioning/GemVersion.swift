/// A Ruby version as RubyGems' `Gem::Version` parses and orders it.
///
/// `correct?` decides what parses: digits, then `.`-separated alphanumeric segments, then an
/// optional `-` part (which becomes `.pre.`), with surrounding whitespace; blank is `0`. The
/// order uses `canonical_segments`: runs of digits and of letters, with trailing zeros dropped
/// and, in a pre-release, the zeros before the first letter too, so `1.0.a` = `1.a` < `1.0`.
/// Any letter makes a pre-release.
struct GemVersion: Sendable {
    enum Segment: Sendable, Equatable {
        case number(Natural)
        case text([UInt8])
    }

    let canonicalSegments: [Segment]

    static func parse(_ text: String) -> Version? {
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let bytes = Array(text.utf8)
        guard isCorrect(bytes) else { return nil }
        var version = Array(bytes.drop(while: isRubyWhitespace).reversed().drop(while: isRubyWhitespace).reversed())
        if version.isEmpty { version = [UInt8(ascii: "0")] }
        version = Array(version.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            .joined(separator: Array(".pre.".utf8)))

        let isPrerelease = version.contains(where: \.isASCIILetter)
        let segments = partitionSegments(version[...])
        // `correct?` lets only a digit start a version, so the first segment is a number.
        guard case let .number(major)? = segments.first else { return nil }
        return Version(text: text, format: .ruby, isPrerelease: isPrerelease, majorKey: major.description,
                       key: .ruby(GemVersion(canonicalSegments: canonicalSegments(version, isPrerelease: isPrerelease))))
    }

    /// `ANCHORED_VERSION_PATTERN`:
    /// `\A\s*([0-9]+(?>\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)?\s*\z`.
    private static func isCorrect(_ bytes: [UInt8]) -> Bool {
        var position = bytes.prefix(while: isRubyWhitespace).count
        func run(_ accepts: (UInt8) -> Bool) -> Bool {
            let length = bytes[position...].prefix(while: accepts).count
            position += length
            return length > 0
        }
        func at(_ character: Unicode.Scalar) -> Bool {
            position < bytes.count && bytes[position] == UInt8(ascii: character)
        }
        if run(\.isASCIIDigit) {
            // No choice here can be undone to let the rest match: the greedy reading decides.
            while at("."), position + 1 < bytes.count, bytes[position + 1].isASCIIAlphanumeric {
                position += 1
                _ = run(\.isASCIIAlphanumeric)
            }
            if at("-"), position + 1 < bytes.count, bytes[position + 1].isIdentifierCharacter {
                position += 1
                _ = run(\.isIdentifierCharacter)
                while at("."), position + 1 < bytes.count, bytes[position + 1].isIdentifierCharacter {
                    position += 1
                    _ = run(\.isIdentifierCharacter)
                }
            }
        }
        _ = run(isRubyWhitespace)
        return position == bytes.count
    }

    /// `\s` in a Ruby regexp and what `String#strip` removes from a string that matched it.
    private static func isRubyWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// `ver.scan(/\d+|[a-z]+/i)`, digit runs as integers.
    private static func partitionSegments(_ version: ArraySlice<UInt8>) -> [Segment] {
        var segments: [Segment] = []
        var rest = version
        while let start = rest.firstIndex(where: \.isASCIIAlphanumeric) {
            rest = rest[start...]
            if rest.first!.isASCIIDigit {
                let digits = rest.prefix(while: \.isASCIIDigit)
                segments.append(.number(Natural(asciiDigits: digits)))
                rest = rest.dropFirst(digits.count)
            } else {
                let letters = rest.prefix(while: \.isASCIILetter)
                segments.append(.text(Array(letters)))
                rest = rest.dropFirst(letters.count)
            }
        }
        return segments
    }

    /// `canonical_segments`: `sub(/(?<=[a-zA-Z.])[.0]+\z/, "")`, then for a pre-release
    /// `sub!(/(?<=\.|\A)[0.]+(?=[a-zA-Z])/, "")`, then the segments.
    private static func canonicalSegments(_ version: [UInt8], isPrerelease: Bool) -> [Segment] {
        var canonical = version
        func isZeroOrDot(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "0") || byte == UInt8(ascii: ".") }

        // The leftmost start of a trailing run of [.0] that follows a letter or a dot.
        let runStart = canonical.count - canonical.reversed().prefix(while: isZeroOrDot).count
        if let cut = (max(runStart, 1)..<canonical.count).first(where: {
            canonical[$0 - 1].isASCIILetter || canonical[$0 - 1] == UInt8(ascii: ".")
        }) {
            canonical.removeSubrange(cut...)
        }

        if isPrerelease {
            // The leftmost run of [0.] at the start or after a dot that a letter follows.
            for start in canonical.indices where (start == 0 || canonical[start - 1] == UInt8(ascii: ".")) && isZeroOrDot(canonical[start]) {
                let end = canonical[start...].firstIndex(where: { !isZeroOrDot($0) }) ?? canonical.endIndex
                if end < canonical.endIndex, canonical[end].isASCIILetter {
                    canonical.removeSubrange(start..<end)
                    break
                }
            }
        }
        return partitionSegments(canonical[...])
    }

    /// `Gem::Version#<=>`.
    func compare(_ other: GemVersion) -> Int {
        let lhs = canonicalSegments, rhs = other.canonicalSegments
        if lhs == rhs { return 0 }
        for (l, r) in zip(lhs, rhs) where l != r {
            switch (l, r) {
            case (.text, .number): return -1
            case (.number, .text): return 1
            case let (.number(a), .number(b)): return threeWay(a, b)
            case let (.text(a), .text(b)): return threeWay(a, b)
            }
        }
        // The longer one decides by its first string (smaller) or non-zero number (larger).
        let sign = lhs.count < rhs.count ? -1 : 1
        for segment in (lhs.count < rhs.count ? rhs : lhs).dropFirst(min(lhs.count, rhs.count)) {
            switch segment {
            case .text: return -sign
            case let .number(value) where !value.isZero: return sign
            case .number: continue
            }
        }
        return 0
    }
}
