import SigV4

/// What came back: status, headers and the whole body, decoded by the operation or into a `ServiceError`.
public struct ServiceResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HeaderField]
    public var body: [UInt8]

    public init(status: Int, headers: [HeaderField], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The `x-amzn-RequestId` AWS support asks for.
    public var requestID: String? {
        header("x-amzn-RequestId") ?? header("x-amz-request-id")
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
