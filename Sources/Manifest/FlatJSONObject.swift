import Glibc
import JSONLines
import Model

/// A manifest line in its common shape, read without building a JSON tree: one object whose
/// keys and values are plain strings (printable ASCII, no escapes), `true`, `false` or `null`,
/// separated by JSON white space.
///
/// Anything else — an escape, a byte outside printable ASCII, a number, a nested value, a
/// repeated member, more than eight members the decoder ignores, any syntax error — is declined (`init` returns `nil`) and the line
/// goes to jansson, which handles the whole grammar and words the errors. On the lines it
/// accepts, the result is what jansson would give; `ManifestRowDecoderTests` checks the two
/// against each other. It exists because building jansson's tree (a hash table and a dozen
/// allocations per line) costs several times more than reading the line once.
struct FlatJSONObject: RowJSONObject {
    private let base: UnsafeRawPointer
    /// Per row member (`PackageField.allCases` order): where its value starts, -1 when absent.
    private var starts = SIMD16<Int32>(repeating: -1)
    /// Per row member: the value's length in bytes; `Self.null`, `Self.true`, `Self.false` for literals.
    private var lengths = SIMD16<Int32>(repeating: 0)
    private static let null: Int32 = -1, `true`: Int32 = -2, `false`: Int32 = -3

    init?(_ line: UnsafeRawBufferPointer) {
        guard let base = line.baseAddress, line.count < Int(Int32.max) else { return nil }
        self.base = base
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let end = line.count
        var i = 0
        // Keys that are not row members, so that a repeated one is noticed too (lines with
        // more than eight go to jansson).
        var otherKeyStarts = SIMD8<Int32>(), otherKeyLengths = SIMD8<Int32>(), otherKeyCount = 0

        @inline(__always) func skipSpace() {
            while i < end {
                let b = bytes[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                i += 1
            }
        }
        /// From just after an opening quote: the index of the closing quote, or `nil` for
        /// anything the flat shape does not cover.
        @inline(__always) func plainStringEnd() -> Int? {
            // Eight bytes at a time while none of them is a quote, a backslash, a control
            // character or outside printable ASCII; then byte by byte.
            while end - i >= 8 {
                let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                if Self.hasSpecialByte(word) { break }
                i += 8
            }
            while i < end {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { return i }
                if b < 0x20 || b >= 0x7F || b == UInt8(ascii: "\\") { return nil }
                i += 1
            }
            return nil
        }

        skipSpace()
        guard i < end, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        skipSpace()
        if i < end, bytes[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                guard i < end, bytes[i] == UInt8(ascii: "\"") else { return nil }
                i += 1
                let keyStart = i
                guard let keyEnd = plainStringEnd() else { return nil }
                i = keyEnd + 1
                skipSpace()
                guard i < end, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                let valueStart: Int, valueLength: Int
                if i < end, bytes[i] == UInt8(ascii: "\"") {
                    i += 1
                    valueStart = i
                    guard let valueEnd = plainStringEnd() else { return nil }
                    valueLength = valueEnd - valueStart
                    i = valueEnd + 1
                } else if let (literal, length) = Self.literal(at: i, in: bytes, end: end) {
                    valueStart = i
                    valueLength = Int(literal)
                    i += length
                } else {
                    return nil
                }
                // A repeated key, row member or not, is a reject that jansson words.
                let keyLength = keyEnd - keyStart
                if let member = Self.member(UnsafeRawBufferPointer(start: bytes + keyStart, count: keyLength)) {
                    guard starts[member] < 0 else { return nil }
                    starts[member] = Int32(valueStart)
                    lengths[member] = Int32(valueLength)
                } else {
                    guard otherKeyCount < 8 else { return nil }
                    for k in 0..<otherKeyCount where Int(otherKeyLengths[k]) == keyLength
                        && memcmp(bytes + Int(otherKeyStarts[k]), bytes + keyStart, keyLength) == 0 {
                        return nil
                    }
                    otherKeyStarts[otherKeyCount] = Int32(keyStart)
                    otherKeyLengths[otherKeyCount] = Int32(keyLength)
                    otherKeyCount += 1
                }
                skipSpace()
                guard i < end else { return nil }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    skipSpace()
                    continue
                }
                guard bytes[i] == UInt8(ascii: "}") else { return nil }
                i += 1
                break
            }
        }
        skipSpace()
        guard i == end else { return nil }
    }

    /// Whether any byte of `word` is `"`, `\`, below 0x20 or at least 0x7F (SWAR: a byte's high
    /// bit in the result marks it).
    @inline(__always) static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = zeroByte(word ^ (ones &* 0x22))
        let backslash = zeroByte(word ^ (ones &* 0x5C))
        let delete = zeroByte(word ^ (ones &* 0x7F))
        // Below 0x20: subtracting 0x20 borrows into the high bit of bytes under 0x20 (for bytes
        // under 0x80; those at or above 0x80 are caught by their own high bit).
        let control = (word &- (ones &* 0x20)) & ~word & highs
        return (quote | backslash | delete | control | (word & highs)) != 0
    }

    /// `null`, `true` or `false` at `i`, as its marker and its length in bytes.
    @inline(__always) private static func literal(at i: Int, in bytes: UnsafePointer<UInt8>, end: Int) -> (Int32, Int)? {
        func matches(_ word: StaticString) -> Bool {
            word.utf8CodeUnitCount <= end - i && memcmp(word.utf8Start, bytes + i, word.utf8CodeUnitCount) == 0
        }
        if matches("null") { return (null, 4) }
        if matches("true") { return (`true`, 4) }
        if matches("false") { return (`false`, 5) }
        return nil
    }

    /// The row member a key names (its index in `PackageField.allCases`), `nil` for other keys.
    private static func member(_ key: UnsafeRawBufferPointer) -> Int? {
        func equals(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == key.count && memcmp(name.utf8Start, key.baseAddress!, key.count) == 0
        }
        let field: PackageField?
        switch key.count {
        case 6: field = equals("domain") ? .domain : equals("format") ? .format : equals("status") ? .status
            : equals("origin") ? .origin : nil
        case 7: field = equals("package") ? .package : equals("version") ? .version : nil
        case 8: field = equals("revision") ? .revision : nil
        case 9: field = equals("namespace") ? .namespace : nil
        case 10: field = equals("repository") ? .repository : nil
        case 11: field = equals("domainOwner") ? .domainOwner : nil
        case 13: field = equals("publishedTime") ? .publishedTime : nil
        case 21: field = equals("defaultDisplayVersion") ? .defaultDisplayVersion : nil
        default: field = nil
        }
        return field.map(Self.index)
    }

    var kind: JSONKind { .object }

    // Manifests carry none of them: one comparison instead of five lookups per row.
    var mayHaveInventoryMembers: Bool {
        starts[7] >= 0 || starts[8] >= 0 || starts[9] >= 0 || starts[10] >= 0 || starts[11] >= 0
    }

    func member(_ field: PackageField) -> FlatJSONValue? {
        let index = Self.index(field)
        let start = starts[index]
        guard start >= 0 else { return nil }
        let length = lengths[index]
        switch length {
        case Self.null: return FlatJSONValue(kind: .null, bytes: nil)
        case Self.true: return FlatJSONValue(kind: .bool, bytes: nil, bool: true)
        case Self.false: return FlatJSONValue(kind: .bool, bytes: nil, bool: false)
        default: return FlatJSONValue(kind: .string, bytes: UnsafeRawBufferPointer(start: base + Int(start), count: Int(length)))
        }
    }

    @inline(__always) private static func index(_ field: PackageField) -> Int {
        switch field {
        case .domain: 0
        case .domainOwner: 1
        case .repository: 2
        case .format: 3
        case .namespace: 4
        case .package: 5
        case .version: 6
        case .status: 7
        case .revision: 8
        case .origin: 9
        case .defaultDisplayVersion: 10
        case .publishedTime: 11
        }
    }
}

/// A member's value in a `FlatJSONObject`: a plain ASCII string (`bytes`), a boolean or `null`.
struct FlatJSONValue: RowJSONValue {
    let kind: JSONKind
    let bytes: UnsafeRawBufferPointer?
    var bool = false

    var string: String {
        bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func string(reusing previous: String?, same: inout Bool) -> String {
        guard var previous, let bytes else {
            same = false
            return string
        }
        if previous.utf8.count == bytes.count,
           previous.withUTF8({ bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return previous
        }
        same = false
        return string
    }
}

/// What a row decoder needs of a parsed line: jansson's tree or a `FlatJSONObject`.
protocol RowJSONObject {
    associatedtype Value: RowJSONValue
    var kind: JSONKind { get }
    func member(_ field: PackageField) -> Value?
    /// Whether the line may name any of an inventory's own members (`false` only when it surely does not).
    var mayHaveInventoryMembers: Bool { get }
}

extension RowJSONObject {
    var mayHaveInventoryMembers: Bool { true }
}

/// A member's value, as a row decoder reads it.
protocol RowJSONValue {
    var kind: JSONKind { get }
    /// The string's value; only called when `kind == .string`.
    var string: String { get }
    /// The boolean's value; only called when `kind == .bool`.
    var bool: Bool { get }
    /// The value, or `previous` itself (sharing its storage) when the bytes are equal; `same`
    /// becomes false when they differ.
    func string(reusing previous: String?, same: inout Bool) -> String
}

extension BorrowedJSON: RowJSONObject, RowJSONValue {
    func member(_ field: PackageField) -> BorrowedJSON? {
        switch field {
        case .domain: member("domain")
        case .domainOwner: member("domainOwner")
        case .repository: member("repository")
        case .format: member("format")
        case .namespace: member("namespace")
        case .package: member("package")
        case .version: member("version")
        case .status: member("status")
        case .revision: member("revision")
        case .origin: member("origin")
        case .publishedTime: member("publishedTime")
        case .defaultDisplayVersion: member("defaultDisplayVersion")
        }
    }
}
