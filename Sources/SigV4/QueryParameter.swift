/// One query-string parameter, name and value unencoded.
public struct QueryParameter: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `name=value`, both percent-encoded as SigV4 requires.
    public var encoded: String {
        URIEncoding.encode(name) + "=" + URIEncoding.encode(value)
    }

    /// The parameters of a raw (percent-encoded) query string, in their order; `+` is kept literally.
    ///
    /// Split as UTF-8 bytes (a server parses every request's query): `&` and `=` are ASCII, which
    /// UTF-8 never uses inside a multi-byte character.
    public static func parse(rawQuery: String) -> [QueryParameter] {
        var rawQuery = rawQuery
        return rawQuery.withUTF8 { bytes in
            var parameters: [QueryParameter] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "&") {
                defer { start = index + 1 }
                guard index > start else { continue }
                let pair = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
                let value = equals < pair.endIndex ? URIEncoding.decode(UnsafeBufferPointer(rebasing: pair[(equals + 1)...])) : ""
                parameters.append(QueryParameter(URIEncoding.decode(UnsafeBufferPointer(rebasing: pair[..<equals])), value))
            }
            return parameters
        }
    }

    /// The encoded query string for `parameters` in their given order, without the leading `?`.
    public static func queryString(_ parameters: [QueryParameter]) -> String {
        parameters.map(\.encoded).joined(separator: "&")
    }
}
