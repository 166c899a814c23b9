/// A Maven version as Maven 3.9's `org.apache.maven.artifact.versioning.ComparableVersion`
/// parses and orders it.
///
/// Every string is a Maven version. It becomes a list of items split on `.`, `-` and the
/// boundaries between digits and letters; a `-` (or a letter after a digit, or a qualifier after
/// `.`) opens a sub-list. Numbers compare numerically, qualifiers as
/// `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp`, unknown
/// qualifiers after those and lexically; `a`, `b`, `m` followed by a digit mean alpha, beta,
/// milestone. Trailing zeros and release qualifiers are dropped, so `1.0` = `1` = `1-ga`.
///
/// One known difference: Java lowercases a capital sigma by context (`ς` where its word
/// iterator sees the end of a word, else `σ`); this always gives `σ`, so a version holding `Σ`
/// can order differently.
struct MavenVersion: Sendable {
    indirect enum Item: Sendable {
        /// Java keeps numbers of up to 9 digits in an `int`, up to 18 in a `long`, longer in a
        /// `BigInteger`, and orders an int below any long below any big integer by type alone.
        case number(width: Int, value: Natural)
        /// `qualifier` is `comparableQualifier(value)`: the known qualifier's rank, or
        /// `"7-" + value`, compared as a Java string.
        case string(qualifier: [UInt16])
        case list([Item])
    }

    let items: [Item]

    static func parse(_ text: String) -> Version? {
        let items = parseItems(Array(text.lowercased().utf16))
        let majorKey: String = switch items.first {
        case let .number(_, value)?: value.description
        case nil: "0"
        default: ""
        }
        return Version(text: text, format: .maven, isPrerelease: items.contains(where: isPreReleaseQualifier),
                       majorKey: majorKey, key: .maven(MavenVersion(items: items)))
    }

    /// A qualifier that sorts before the release (the ones ranked below `""`), anywhere in the list.
    private static func isPreReleaseQualifier(_ item: Item) -> Bool {
        switch item {
        case .number: false
        case let .string(qualifier): qualifier.count == 1 && qualifier[0] < releaseRank[0]
        case let .list(items): items.contains(where: isPreReleaseQualifier)
        }
    }

    // MARK: Parsing, as `ComparableVersion.parseVersion`

    private enum Entry {
        case item(Item)
        case list(Int)
    }

    private static func parseItems(_ version: [UInt16]) -> [Item] {
        // Lists by creation order; Java normalises them as it pops its stack, newest first.
        var lists: [[Entry]] = [[]]
        var list = 0
        func openList() {
            lists.append([])
            lists[list].append(.list(lists.count - 1))
            list = lists.count - 1
        }

        var isDigit = false
        var startIndex = 0
        for i in version.indices {
            let c = version[i]
            if c == UInt16(ascii: ".") {
                lists[list].append(.item(i == startIndex ? zero : parseItem(isDigit: isDigit, version[startIndex..<i])))
                startIndex = i + 1
            } else if c == UInt16(ascii: "-") {
                lists[list].append(.item(i == startIndex ? zero : parseItem(isDigit: isDigit, version[startIndex..<i])))
                startIndex = i + 1
                openList()
            } else if isJavaDigit(c) {
                if !isDigit && i > startIndex {
                    // 1.0.0.X1 < 1.0.0-X2: treat .X as -X for any string qualifier X
                    if !lists[list].isEmpty { openList() }
                    lists[list].append(.item(stringItem(version[startIndex..<i], followedByDigit: true)))
                    startIndex = i
                    openList()
                }
                isDigit = true
            } else {
                if isDigit && i > startIndex {
                    lists[list].append(.item(parseItem(isDigit: true, version[startIndex..<i])))
                    startIndex = i
                    openList()
                }
                isDigit = false
            }
        }
        if version.count > startIndex {
            if !isDigit && !lists[list].isEmpty { openList() }
            lists[list].append(.item(parseItem(isDigit: isDigit, version[startIndex...])))
        }

        for index in lists.indices.reversed() {
            // Remove null trailing items (0, "", empty list), looking past sub-lists.
            var entries = lists[index]
            for i in entries.indices.reversed() {
                let (null, isList) = switch entries[i] {
                case let .list(child): (lists[child].isEmpty, true)
                case let .item(item): (isNull(item), false)
                }
                if null {
                    entries.remove(at: i)
                } else if !isList {
                    break
                }
            }
            lists[index] = entries
        }
        func build(_ index: Int) -> [Item] {
            lists[index].map { entry in
                switch entry {
                case let .item(item): item
                case let .list(child): .list(build(child))
                }
            }
        }
        return build(0)
    }

    private static let zero = Item.number(width: 0, value: .zero)
    private static let releaseRank = Array("5".utf16)
    private static let qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"].map { Array($0.utf16) }
    private static let aliases: [[UInt16]: [UInt16]] = [
        Array("ga".utf16): [], Array("final".utf16): [], Array("release".utf16): [], Array("cr".utf16): Array("rc".utf16),
    ]

    private static func parseItem(isDigit: Bool, _ buffer: ArraySlice<UInt16>) -> Item {
        guard isDigit else { return stringItem(buffer, followedByDigit: false) }
        // stripLeadingZeroes strips ASCII zeros only, and keeps an all-zero buffer whole.
        let stripped = buffer.drop(while: { $0 == UInt16(ascii: "0") })
        let digits = stripped.isEmpty ? buffer : stripped
        let width = digits.count <= 9 ? 0 : (digits.count <= 18 ? 1 : 2)
        return .number(width: width, value: Natural(digitValues: digits.map(javaDigitValue)))
    }

    private static func stringItem(_ buffer: ArraySlice<UInt16>, followedByDigit: Bool) -> Item {
        var value = Array(buffer)
        if followedByDigit && value.count == 1 {
            // a1 = alpha-1, b1 = beta-1, m1 = milestone-1
            switch value[0] {
            case UInt16(ascii: "a"): value = Array("alpha".utf16)
            case UInt16(ascii: "b"): value = Array("beta".utf16)
            case UInt16(ascii: "m"): value = Array("milestone".utf16)
            default: break
            }
        }
        value = aliases[value] ?? value
        if let rank = qualifiers.firstIndex(of: value) {
            return .string(qualifier: Array(String(rank).utf16))
        }
        return .string(qualifier: Array("\(qualifiers.count)-".utf16) + value)
    }

    private static func isNull(_ item: Item) -> Bool {
        switch item {
        case let .number(_, value): value.isZero
        case let .string(qualifier): qualifier == releaseRank
        case let .list(items): items.isEmpty
        }
    }

    /// `Character.isDigit(char)`: a decimal digit in the Basic Multilingual Plane.
    private static func isJavaDigit(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.numericType == .decimal
    }

    private static func javaDigitValue(_ unit: UInt16) -> UInt8 {
        UInt8(Unicode.Scalar(unit)!.properties.numericValue!)
    }

    // MARK: Order, as the items' `compareTo`

    func compare(_ other: MavenVersion) -> Int {
        Self.compare(.list(items), .list(other.items))
    }

    /// `lhs.compareTo(rhs)`, where a nil `rhs` is the padding of a shorter list.
    private static func compare(_ lhs: Item, _ rhs: Item?) -> Int {
        switch (lhs, rhs) {
        case let (.number(_, value), nil): return value.isZero ? 0 : 1
        case let (.number(w1, v1), .number(w2, v2)?): return w1 != w2 ? threeWay(w1, w2) : threeWay(v1, v2)
        case (.number, _?): return 1
        case let (.string(qualifier), nil): return threeWay(qualifier, releaseRank)
        case (.string, .number?), (.string, .list?): return -1
        case let (.string(q1), .string(q2)?): return threeWay(q1, q2)
        case let (.list(items), nil):
            for item in items {
                let result = compare(item, nil)
                if result != 0 { return result }
            }
            return 0
        case (.list, .number?): return -1
        case (.list, .string?): return 1
        case let (.list(left), .list(right)?):
            for index in 0..<max(left.count, right.count) {
                let l = index < left.count ? left[index] : nil
                let r = index < right.count ? right[index] : nil
                let result = if let l { compare(l, r) } else if let r { -compare(r, nil) } else { 0 }
                if result != 0 { return result }
            }
            return 0
        }
    }
}

extension UInt16 {
    /// Java works on UTF-16 code units; this names the ASCII ones.
    fileprivate init(ascii scalar: Unicode.Scalar) {
        self.init(UInt8(ascii: scalar))
    }
}
