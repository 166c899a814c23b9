import JSONLines
import Model

/// An error answer of the emulated service: one of the service's error types (with its HTTP
/// status), a message, and the members some types carry.
public struct ServiceException: Error, Sendable, Equatable, CustomStringConvertible {
    public let type: ServiceErrorType
    public let message: String
    /// `ThrottlingException`'s `Retry-After`, in whole seconds.
    public var retryAfterSeconds: Int?
    /// `ResourceNotFoundException` and `ConflictException` name what they are about.
    public var resourceID: String?
    public var resourceType: String?
    /// `ValidationException`'s reason (`CANNOT_PARSE`, `FIELD_VALIDATION_FAILED`, …).
    public var reason: String?

    public init(_ type: ServiceErrorType, _ message: String, retryAfterSeconds: Int? = nil,
                resourceID: String? = nil, resourceType: String? = nil, reason: String? = nil) {
        self.type = type
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.reason = reason
    }

    public var description: String { "\(type.rawValue) (HTTP \(type.httpStatus)): \(message)" }

    /// The JSON body the service sends with this error.
    public func encodedBody() -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("message", message)
        json.memberIfPresent("resourceId", resourceID)
        json.memberIfPresent("resourceType", resourceType)
        json.memberIfPresent("reason", reason)
        json.endObject()
        return json.bytes
    }

    /// The response carrying this error, with the headers clients parse it from.
    public func response(requestID: String) -> EmulatorResponse {
        var headers = [("x-amzn-ErrorType", type.rawValue)]
        if let retryAfterSeconds { headers.append(("Retry-After", String(retryAfterSeconds))) }
        return EmulatorResponse(status: type.httpStatus, requestID: requestID, headers: headers, body: encodedBody())
    }
}

extension ServiceException {
    static func validation(_ message: String, reason: String = "FIELD_VALIDATION_FAILED") -> ServiceException {
        ServiceException(.validation, message, reason: reason)
    }

    static func internalServer() -> ServiceException {
        ServiceException(.internalServer, "An internal error occurred. Try again.")
    }

    static func throttled(retryAfterSeconds: Int) -> ServiceException {
        ServiceException(.throttling, "Rate exceeded", retryAfterSeconds: retryAfterSeconds)
    }
}
