/// An HTTP request as SigV4 sees it: method, unencoded path, query parameters, headers and body.
///
/// The same value describes what a client is about to send and what a server received, so the
/// signer and the verifier canonicalize through one code path.
public struct SigningRequest: Sendable, Hashable {
    public var method: String
    /// The path, not percent-encoded (`/v1/package/versions/delete`).
    public var path: String
    public var query: [QueryParameter]
    public var headers: [HeaderField]
    public var body: [UInt8]

    public init(method: String, path: String, query: [QueryParameter] = [], headers: [HeaderField] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A request from its wire form: the percent-encoded path and the raw query string, as a server receives them.
    public init(method: String, rawPath: String, rawQuery: String, headers: [HeaderField], body: [UInt8]) {
        self.init(method: method, path: URIEncoding.decode(rawPath), query: QueryParameter.parse(rawQuery: rawQuery),
                  headers: headers, body: body)
    }

    /// The encoded path and query to put on the request line, exactly the bytes that are signed.
    public var encodedPathAndQuery: String {
        let path = URIEncoding.encodePath(path.isEmpty ? "/" : path)
        return query.isEmpty ? path : path + "?" + QueryParameter.queryString(query)
    }

    /// The values of the header `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        let lowered = HeaderName.lowercased(name)
        return headers.filter { HeaderName.matches($0.name, lowercasedName: lowered) }.map(\.value)
    }

    /// The first value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = HeaderName.lowercased(name)
        for field in headers where HeaderName.matches(field.name, lowercasedName: lowered) { return field.value }
        return nil
    }

    /// Replaces every value of the header `name` with `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lowered = HeaderName.lowercased(name)
        headers.removeAll { HeaderName.matches($0.name, lowercasedName: lowered) }
        headers.append(HeaderField(name, value))
    }
}
