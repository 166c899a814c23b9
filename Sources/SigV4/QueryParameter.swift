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
