/// An HTTP answer decided by the core, before the server layer writes it.
public struct EmulatorResponse: Sendable {
    public var status: Int
    /// Sent as `x-amzn-RequestId`, on every answer as the service does.
    public var requestID: String
    /// Headers beyond `x-amzn-RequestId`, `Content-Type` and `Content-Length`.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, requestID: String, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.requestID = requestID
        self.headers = headers
        self.body = body
    }

    /// The value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// What the server layer does with a request, after waiting `delay`.
public enum EmulatorAction: Sendable {
    /// Write this response.
    case respond(EmulatorResponse)
    /// Close the connection without answering: a reset, or a response lost after the work.
    case closeConnection
}
