import JSONLines

/// An error answer of the emulated service: the exception shapes of the CodeArtifact model plus
/// the front door's authentication errors, each with its HTTP status.
public struct ServiceException: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exception's type as it appears in `x-amzn-ErrorType`; stable, payload-free.
    public enum Code: String, Sendable, CaseIterable {
        case accessDenied = "AccessDeniedException"
        case conflict = "ConflictException"
        case internalServer = "InternalServerException"
        case resourceNotFound = "ResourceNotFoundException"
        case throttling = "ThrottlingException"
        case validation = "ValidationException"
        case unrecognizedClient = "UnrecognizedClientException"
        case invalidSignature = "InvalidSignatureException"
        case missingAuthenticationToken = "MissingAuthenticationTokenException"
        case incompleteSignature = "IncompleteSignatureException"
        case expiredToken = "ExpiredTokenException"
        case unknownOperation = "UnknownOperationException"

        /// The HTTP status the service answers this exception with.
        public var httpStatus: Int {
            switch self {
            case .accessDenied, .unrecognizedClient, .invalidSignature, .missingAuthenticationToken, .expiredToken: 403
            case .conflict: 409
            case .internalServer: 500
            case .resourceNotFound, .unknownOperation: 404
            case .throttling: 429
            case .validation, .incompleteSignature: 400
            }
        }
    }

    public let code: Code
    public let message: String
    /// `ThrottlingException`'s `Retry-After`, in whole seconds.
    public var retryAfterSeconds: Int?
    /// `ResourceNotFoundException` and `ConflictException` name what they are about.
    public var resourceID: String?
    public var resourceType: String?
    /// `ValidationException`'s reason (`CANNOT_PARSE`, `FIELD_VALIDATION_FAILED`, …).
    public var reason: String?

    public init(_ code: Code, _ message: String, retryAfterSeconds: Int? = nil,
                resourceID: String? = nil, resourceType: String? = nil, reason: String? = nil) {
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.reason = reason
    }

    public var description: String { "\(code.rawValue) (HTTP \(code.httpStatus)): \(message)" }

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
        var headers = [("x-amzn-ErrorType", code.rawValue)]
        if let retryAfterSeconds { headers.append(("Retry-After", String(retryAfterSeconds))) }
        return EmulatorResponse(status: code.httpStatus, requestID: requestID, headers: headers, body: encodedBody())
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
