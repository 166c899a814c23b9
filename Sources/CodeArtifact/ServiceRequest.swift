import SigV4

/// What an operation sends, before endpoint, headers and signature: method, path, query and JSON body.
public struct ServiceRequest: Sendable, Hashable {
    public var method: String
    public var path: String
    public var query: [QueryParameter]
    public var body: [UInt8]

    public init(method: String, path: String, query: [QueryParameter], body: [UInt8]) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }
}
