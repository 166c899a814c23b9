/// A request body parsed as JSON, as much of it as the service reads.
///
/// The emulator parses every request body on its hot path; a small byte-level parser keeps a
/// 100-version delete well under the cost of Foundation's `JSONSerialization` on Linux.
enum RequestJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([RequestJSON])
    case object([String: RequestJSON])

    /// Parses one JSON document that fills `bytes` (surrounding white space allowed).
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> RequestJSON {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> RequestJSON in
            var parser = JSONParser(buffer)
            return try parser.document()
        }
    }

    /// The members of an object, or `nil` for any other value.
    var object: [String: RequestJSON]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The kind of value, as a message to a caller would name it.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// Why a request body is not JSON: what was expected at which byte offset.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    let offset: Int
    let expected: String

    var description: String { "malformed JSON at byte \(offset): expected \(expected)" }
}
