/// A successful HTTP answer whose body is not what the model describes.
public struct ResponseDecodingError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    public var operation: String
    public var httpStatus: Int
    public var requestID: String?
    public var reason: String

    public init(operation: String, httpStatus: Int, requestID: String?, reason: String) {
        self.operation = operation
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.reason = reason
    }

    public var code: String { "response_decoding" }

    // A truncated or garbled body usually comes from a proxy or a dropped connection; asking again is safe
    // because a repeated delete reports already-deleted versions as NOT_FOUND.
    public var classification: ErrorClassification { ErrorClassification(retry: .transient, scope: .request) }

    public var description: String {
        "\(operation) answered HTTP \(httpStatus)" + (requestID.map { " (request id \($0))" } ?? "")
            + " with a body that could not be decoded: \(reason)"
    }
}
