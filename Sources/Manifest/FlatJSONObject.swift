import Glibc
import JSONLines
import Model

/// A manifest line in its common shape, read without building a JSON tree: one object whose
/// keys and values are plain strings (printable ASCII, no escapes) or `null`, separated by JSON
/// white space.
///
/// Anything else — an escape, a byte outside printable ASCII, a number, a nested value, a
/// repeated member, more than eight members the decoder ignores, any syntax error — is declined (`init` returns `nil`) and the line
/// goes to jansson, which handles the whole grammar and words the errors. On the lines it
/// accepts, the result is what jansson would give; `ManifestRowDecoderTests` checks the two
/// against each other. It exists because building jansson's tree (a hash table and a dozen
/// allocations per line) costs several times more than reading the line once.
struct FlatJSONObject: RowJSONObject {
    private let base: UnsafeRawPointer
    /// Per row member (`Member.allCases` order): where its value starts, -1 when absent.
    private var starts = SIMD8<Int32>(repeating: -1)
    /// Per row member: the value's length in bytes, -1 for `null`.
    private var lengths = SIMD8<Int32>(repeating: 0)

    /// The members a row decoder asks for.
    enum Member: Int, CaseIterable {
        case domain, domainOwner, repository, format, namespace, package, version, status
    }

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
                } else if end - i >= 4, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
                          bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") {
                    valueStart = i
                    valueLength = -1
                    i += 4
                } else {
                    return nil
                }
                // A repeated key, row member or not, is a reject that jansson words.
                let keyLength = keyEnd - keyStart
                if let member = Self.member(UnsafeRawBufferPointer(start: bytes + keyStart, count: keyLength)) {
                    guard starts[member.rawValue] < 0 else { return nil }
                    starts[member.rawValue] = Int32(valueStart)
                    lengths[member.rawValue] = Int32(valueLength)
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

    private static func member(_ key: UnsafeRawBufferPointer) -> Member? {
        func equals(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == key.count && memcmp(name.utf8Start, key.baseAddress!, key.count) == 0
        }
        switch key.count {
        case 6: return equals("domain") ? .domain : equals("format") ? .format : equals("status") ? .status : nil
        case 7: return equals("package") ? .package : equals("version") ? .version : nil
        case 9: return equals("namespace") ? .namespace : nil
        case 10: return equals("repository") ? .repository : nil
        case 11: return equals("domainOwner") ? .domainOwner : nil
        default: return nil
        }
    }

    var kind: JSONKind { .object }

    func member(_ field: PackageField) -> FlatJSONValue? {
        value(Self.index(field))
    }

    var status: FlatJSONValue? { value(Member.status) }

    private func value(_ member: Member) -> FlatJSONValue? {
        let start = starts[member.rawValue]
        guard start >= 0 else { return nil }
        let length = lengths[member.rawValue]
        return FlatJSONValue(bytes: length < 0 ? nil : UnsafeRawBufferPointer(start: base + Int(start), count: Int(length)))
    }

    private static func index(_ field: PackageField) -> Member {
        switch field {
        case .domain: .domain
        case .domainOwner: .domainOwner
        case .repository: .repository
        case .format: .format
        case .namespace: .namespace
        case .package: .package
        case .version: .version
        }
    }
}

/// A member's value in a `FlatJSONObject`: a plain ASCII string, or `null` (`bytes == nil`).
struct FlatJSONValue: RowJSONValue {
    let bytes: UnsafeRawBufferPointer?

    var kind: JSONKind { bytes == nil ? .null : .string }

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
    /// The inventory's `status` member, when present.
    var status: Value? { get }
}

/// A member's value, as a row decoder reads it.
protocol RowJSONValue {
    var kind: JSONKind { get }
    /// The string's value; only called when `kind == .string`.
    var string: String { get }
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
        }
    }

    var status: BorrowedJSON? { member("status") }
}
