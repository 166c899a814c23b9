import CJansson
import Glibc

/// A JSON document jansson could not parse, with jansson's own message and position.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// 1-based column (in bytes) where jansson stopped.
    public let column: Int
    public let isInvalidUTF8: Bool
    /// The member an object names twice, when that is what stopped jansson.
    public let repeatedMember: String?

    public var description: String { "\(message) at column \(column)" }
}

/// The one place jansson is called: parsing a line into a borrowed `json_t`.
public enum Jansson {
    /// Parses one JSON value and hands the root to `body`; the value is freed afterwards.
    ///
    /// A repeated member is an error: in cabatch's own files, with two values either choice
    /// would be a guess. `rejectingDuplicates: false` keeps the last value instead, as the
    /// parsers of AWS services (which the emulator imitates) do.
    public static func withParsed<T>(_ line: UnsafeRawBufferPointer, rejectingDuplicates: Bool = true,
                                     _ body: (BorrowedJSON) throws -> T) throws -> T {
        var error = json_error_t()
        // jansson wants a pointer even for an empty buffer.
        var empty: CChar = 0
        let base = line.baseAddress?.assumingMemoryBound(to: CChar.self) ?? withUnsafePointer(to: &empty) { $0 }
        let arena = JanssonArena.enter()
        defer { JanssonArena.leave(arena) }
        let flags = JSON_DECODE_ANY | JSON_ALLOW_NUL | (rejectingDuplicates ? JSON_REJECT_DUPLICATES : 0)
        guard let root = json_loadb(base, line.count, Int(flags), &error) else {
            throw parseError(error)
        }
        defer { json_decref(root) }
        return try body(BorrowedJSON(raw: root))
    }

    private static func parseError(_ error: json_error_t) -> JSONParseError {
        var e = error
        let message = withUnsafeBytes(of: &e.text) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let code = json_error_code(&e)
        return JSONParseError(message: message, column: max(1, Int(e.column)),
                              isInvalidUTF8: code == json_error_invalid_utf8,
                              repeatedMember: code == json_error_duplicate_key ? repeatedKey(in: message) : nil)
    }

    /// The key in jansson's "duplicate object key near '"KEY"'", as the line wrote it (escapes
    /// and all), decoded as the JSON string it is.
    private static func repeatedKey(in message: String) -> String? {
        guard let near = message.range(of: "near '", options: .backwards), message.hasSuffix("'") else { return nil }
        let token = Array(message[near.upperBound...].dropLast().utf8)
        var error = json_error_t()
        let decoded: String? = token.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let root = json_loadb(base, raw.count, Int(JSON_DECODE_ANY), &error) else { return nil }
            defer { json_decref(root) }
            return root.pointee.type == JSON_STRING ? BorrowedJSON(raw: root).string : nil
        }
        return decoded ?? String(decoding: token, as: UTF8.self)
    }

    /// Converts a parsed tree into Swift values, keeping object members in document order.
    static func value(_ json: UnsafeMutablePointer<json_t>) -> JSONValue {
        switch json.pointee.type {
        case JSON_OBJECT:
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(json_object_size(json))
            var iterator = json_object_iter(json)
            while let it = iterator {
                let key = String(cString: json_object_iter_key(it))
                members.append((key, value(json_object_iter_value(it))))
                iterator = json_object_iter_next(json, it)
            }
            return .object(JSONObject(members))
        case JSON_ARRAY:
            let count = json_array_size(json)
            return .array((0..<count).map { value(json_array_get(json, $0)) })
        case JSON_STRING: return .string(BorrowedJSON(raw: json).string)
        case JSON_INTEGER: return .integer(Int(json_integer_value(json)))
        case JSON_REAL: return .number(json_real_value(json))
        case JSON_TRUE: return .bool(true)
        case JSON_FALSE: return .bool(false)
        default: return .null
        }
    }
}

/// The kinds of JSON value, so that callers need not see jansson's types.
public enum JSONKind: Sendable {
    case object, array, string, number, bool, null

    public var article: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A jansson value owned by the enclosing `Jansson.withParsed` call.
public struct BorrowedJSON {
    let raw: UnsafeMutablePointer<json_t>

    public var kind: JSONKind {
        switch raw.pointee.type {
        case JSON_OBJECT: .object
        case JSON_ARRAY: .array
        case JSON_STRING: .string
        case JSON_INTEGER, JSON_REAL: .number
        case JSON_TRUE, JSON_FALSE: .bool
        default: .null
        }
    }

    /// A member of an object, or `nil` when absent.
    public func member(_ name: StaticString) -> BorrowedJSON? {
        name.withUTF8Buffer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { json_object_getn(raw, $0.baseAddress, $0.count) }
        }.map(BorrowedJSON.init(raw:))
    }

    /// The elements of an array; none for any other value.
    public var elements: Elements { Elements(array: raw) }

    /// An array's elements, borrowed like the array.
    public struct Elements: RandomAccessCollection {
        let array: UnsafeMutablePointer<json_t>
        public var startIndex: Int { 0 }
        // jansson answers 0 for a value that is not an array.
        public var endIndex: Int { json_array_size(array) }
        public subscript(index: Int) -> BorrowedJSON {
            precondition(index >= 0 && index < endIndex, "index out of range")
            return BorrowedJSON(raw: json_array_get(array, index))
        }
    }

    /// The value of a string (UTF-8 already checked by jansson).
    public var string: String {
        let length = json_string_length(raw)
        guard let pointer = json_string_value(raw) else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    public func string(reusing previous: String?, same: inout Bool) -> String {
        guard var previous else {
            same = false
            return string
        }
        let length = json_string_length(raw)
        if previous.utf8.count == length, let pointer = json_string_value(raw),
           previous.withUTF8({ length == 0 || memcmp($0.baseAddress!, pointer, length) == 0 }) {
            return previous
        }
        same = false
        return string
    }

    /// The value of a boolean (`true` only for JSON's `true`).
    public var bool: Bool { raw.pointee.type == JSON_TRUE }

    public var swiftValue: JSONValue { Jansson.value(raw) }
}

/// A per-thread bump allocator for jansson while it parses one line. A row costs jansson some
/// twenty small allocations that all die together when the line is done, so inside a parse
/// allocation is a pointer bump, freeing is nothing, and the arena is rewound afterwards.
/// Anything else (a parse on a thread without an arena, an allocation that does not fit) goes
/// to malloc, and `free` tells the two apart by address, so values from either are safe.
enum JanssonArena {
    static let capacity = 64 * 1024

    struct State {
        var base: UnsafeMutableRawPointer
        var used: Int
        var active: Bool
    }

    /// Installs the allocator once per process.
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            guard let state = state?.assumingMemoryBound(to: State.self) else { return }
            free(state.pointee.base)
            state.deallocate()
        }
        json_set_alloc_funcs(allocate, release)
        return key
    }()

    /// Turns this thread's arena on, creating it on first use.
    static func enter() -> UnsafeMutablePointer<State> {
        let key = key
        let state: UnsafeMutablePointer<State>
        if let existing = pthread_getspecific(key) {
            state = existing.assumingMemoryBound(to: State.self)
        } else {
            state = .allocate(capacity: 1)
            state.initialize(to: State(base: malloc(capacity)!, used: 0, active: false))
            pthread_setspecific(key, state)
        }
        state.pointee.active = true
        return state
    }

    /// Rewinds: every value parsed inside must be gone by now.
    static func leave(_ state: UnsafeMutablePointer<State>) {
        state.pointee.active = false
        state.pointee.used = 0
    }

    private static let allocate: json_malloc_t = { size in
        guard let raw = pthread_getspecific(key) else { return malloc(size) }
        let state = raw.assumingMemoryBound(to: State.self)
        let rounded = (size + 15) & ~15
        guard state.pointee.active, state.pointee.used + rounded <= capacity else { return malloc(size) }
        let pointer = state.pointee.base + state.pointee.used
        state.pointee.used += rounded
        return pointer
    }

    private static let release: json_free_t = { pointer in
        guard let pointer else { return }
        if let raw = pthread_getspecific(key) {
            let base = raw.assumingMemoryBound(to: State.self).pointee.base
            if pointer >= base && pointer < base + capacity { return }
        }
        free(pointer)
    }
}
