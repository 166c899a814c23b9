/// A Python version as pypa/packaging's `Version` parses and orders it (PEP 440).
///
/// Accepts what packaging's `VERSION_PATTERN` accepts, case-insensitively and with surrounding
/// whitespace: an optional `v`, epoch `N!`, release `N(.N)*`, pre-release (`a`, `b`, `rc` and
/// the spellings `alpha`, `beta`, `c`, `pre`, `preview`), post-release (`.postN`, `-N`, `rev`,
/// `r`), dev release, and a local part `+abc.5`. The order is packaging's `_cmpkey`.
struct PEP440Version: Sendable {
    enum PreKind: Int, Sendable { case a = 0, b = 1, rc = 2 }

    enum LocalSegment: Sendable {
        case number(Natural)
        case text([UInt8])
    }

    let epoch: Natural
    /// Without trailing zeros: `1.0.0` compares as `1`.
    let release: [Natural]
    /// `_cmpkey`'s `(pre_rank, pre_n, post_rank, post_n, dev_rank, dev_n)`, ranks shifted by one
    /// so that none is negative: a dev release without a pre or post part sorts before every
    /// pre-release; no pre-release sorts after `rc`; a post part after none; no dev part after
    /// a dev part.
    let suffix: [Natural]
    let local: [LocalSegment]?

    static func parse(_ text: String) -> Version? {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPythonWhitespace($0) }) else { return nil }
        let last = scalars.lastIndex(where: { !isPythonWhitespace($0) })!
        // Everything but the surrounding `\s*` is inside `(?a:...)`: ASCII only.
        guard scalars[first...last].allSatisfy(\.isASCII) else { return nil }
        var scanner = Scanner(scalars[first...last].map { UInt8($0.value).asciiLowercased })

        scanner.skip("v")
        var epoch = Natural.zero
        let start = scanner.position
        if let digits = scanner.digits(), scanner.skip("!") {
            epoch = Natural(asciiDigits: digits)
        } else {
            scanner.position = start
        }

        guard let firstPart = scanner.digits() else { return nil }
        var release = [Natural(asciiDigits: firstPart)]
        while scanner.peek() == UInt8(ascii: "."), scanner.peek(1)?.isASCIIDigit == true {
            scanner.position += 1
            release.append(Natural(asciiDigits: scanner.digits()!))
        }

        // Each optional part is atomic in packaging's pattern (`?+`): once it matches it stays.
        var pre: (kind: PreKind, number: Natural)?
        let preStart = scanner.position
        scanner.skipSeparator()
        if let letter = scanner.skipFirst(of: ["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"]) {
            scanner.skipSeparator()
            let kind: PreKind = switch letter {
            case "alpha", "a": .a
            case "beta", "b": .b
            default: .rc
            }
            pre = (kind, scanner.digits().map { Natural(asciiDigits: $0) } ?? .zero)
        } else {
            scanner.position = preStart
        }

        var post: Natural?
        let postStart = scanner.position
        if scanner.skip("-"), let digits = scanner.digits() {
            post = Natural(asciiDigits: digits)
        } else {
            scanner.position = postStart
            scanner.skipSeparator()
            if scanner.skipFirst(of: ["post", "rev", "r"]) != nil {
                scanner.skipSeparator()
                post = scanner.digits().map { Natural(asciiDigits: $0) } ?? .zero
            } else {
                scanner.position = postStart
            }
        }

        var dev: Natural?
        let devStart = scanner.position
        scanner.skipSeparator()
        if scanner.skipFirst(of: ["dev"]) != nil {
            scanner.skipSeparator()
            dev = scanner.digits().map { Natural(asciiDigits: $0) } ?? .zero
        } else {
            scanner.position = devStart
        }

        var local: [LocalSegment]?
        if scanner.skip("+") {
            // `[a-z0-9]+(?:[._-][a-z0-9]+)*` and nothing after it.
            let rest = Array(scanner.bytes[scanner.position...])
            let parts = rest.split(omittingEmptySubsequences: false, whereSeparator: isSeparator)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIAlphanumeric) }) else { return nil }
            local = parts.map { $0.allSatisfy(\.isASCIIDigit) ? .number(Natural(asciiDigits: $0)) : .text(Array($0)) }
            scanner.position = scanner.bytes.endIndex
        }
        guard scanner.atEnd else { return nil }

        while release.count > 0, release.last!.isZero { release.removeLast() }
        let (preRank, preNumber): (UInt64, Natural) =
            if let pre { (UInt64(pre.kind.rawValue) + 1, pre.number) }
            else if post == nil, dev != nil { (0, .zero) }
            else { (4, .zero) }
        let suffix = [Natural(preRank), preNumber, Natural(post == nil ? 0 : 1), post ?? .zero,
                      Natural(dev == nil ? 1 : 0), dev ?? .zero]
        let version = PEP440Version(epoch: epoch, release: release, suffix: suffix, local: local)
        let major = Natural(asciiDigits: firstPart).description
        return Version(text: text, format: .pypi, isPrerelease: pre != nil || dev != nil,
                       majorKey: epoch.isZero ? major : "\(epoch)!\(major)", key: .pypi(version))
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `str.isspace()`, which is what `\s` matches in a `str` pattern.
    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// A cursor over the lowercased ASCII text.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.endIndex }

        func peek(_ offset: Int = 0) -> UInt8? {
            position + offset < bytes.endIndex ? bytes[position + offset] : nil
        }

        @discardableResult
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard peek() == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        /// `[._-]?`
        mutating func skipSeparator() {
            if let byte = peek(), PEP440Version.isSeparator(byte) { position += 1 }
        }

        /// The first of `words` (in the pattern's alternation order) that the text continues with.
        mutating func skipFirst(of words: [String]) -> String? {
            for word in words where bytes[position...].starts(with: word.utf8) {
                position += word.utf8.count
                return word
            }
            return nil
        }

        mutating func digits() -> ArraySlice<UInt8>? {
            let digits = bytes[position...].prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { return nil }
            position += digits.count
            return digits
        }
    }

    func compare(_ other: PEP440Version) -> Int {
        var result = threeWay(epoch, other.epoch)
        if result == 0 { result = threeWay(release, other.release) }
        if result == 0 { result = threeWay(suffix, other.suffix) }
        if result == 0 { result = Self.compareLocal(local, other.local) }
        return result
    }

    /// No local part sorts first; then segment by segment, strings before numbers, strings
    /// lexically, numbers numerically, a shorter prefix first.
    private static func compareLocal(_ lhs: [LocalSegment]?, _ rhs: [LocalSegment]?) -> Int {
        switch (lhs, rhs) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (l?, r?):
            for (a, b) in zip(l, r) {
                let result: Int = switch (a, b) {
                case let (.number(x), .number(y)): threeWay(x, y)
                case let (.text(x), .text(y)): threeWay(x, y)
                case (.text, .number): -1
                case (.number, .text): 1
                }
                if result != 0 { return result }
            }
            return threeWay(l.count, r.count)
        }
    }
}
