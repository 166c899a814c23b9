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
    public static func parse(rawQuery: String) -> [QueryParameter] {
        var rawQuery = rawQuery
        // A server parses every request's query; ASCII (all a request line carries) is split as
        // bytes, where `&` and `=` are always whole `Character`s.
        let parsed = rawQuery.withUTF8 { bytes -> [QueryParameter]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
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
        return parsed ?? parseCharacters(rawQuery: rawQuery)
    }

    /// `parse(rawQuery:)` by `Character`s, for queries that are not ASCII.
    static func parseCharacters(rawQuery: String) -> [QueryParameter] {
        rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = URIEncoding.decode(String(parts[0]))
            let value = parts.count > 1 ? URIEncoding.decode(String(parts[1])) : ""
            return QueryParameter(name, value)
        }
    }

    /// The encoded query string for `parameters` in their given order, without the leading `?`.
    public static func queryString(_ parameters: [QueryParameter]) -> String {
        parameters.map(\.encoded).joined(separator: "&")
    }
}
