import Foundation
import Model

/// An error answer from CodeArtifact, decoded from its headers and body, with its classification.
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    /// The error type's wire name (`ThrottlingException`), or `nil` when the answer named none.
    public var typeName: String?
    public var message: String?
    public var httpStatus: Int
    public var requestID: String?
    /// How long the service asked us to wait (`Retry-After`, in seconds).
    public var retryAfter: TimeInterval?

    public init(typeName: String?, message: String?, httpStatus: Int, requestID: String?, retryAfter: TimeInterval?) {
        self.typeName = typeName
        self.message = message
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// The known type, when the wire name is one of ours.
    public var type: ServiceErrorType? { typeName.flatMap(ServiceErrorType.init(rawValue:)) }

    /// The type name, or `HTTP<status>` when the answer named none: stable and free of payload.
    public var code: String { typeName ?? "HTTP\(httpStatus)" }

    public var classification: ErrorClassification {
        Self.classify(typeName: typeName, httpStatus: httpStatus)
    }

    public var description: String {
        "CodeArtifact \(code) (HTTP \(httpStatus)" + (requestID.map { ", request id \($0)" } ?? "") + ")"
            + (message.map { ": \($0)" } ?? "")
    }

    // MARK: - Decoding

    /// The error an unsuccessful response carries.
    ///
    /// The type comes from `x-amzn-ErrorType` (the part before `:`), else from `__type` or `code` in the
    /// body (the part after `#`), else it stays `nil` and the HTTP status decides the classification.
    public static func decode(_ response: ServiceResponse) -> ServiceError {
        // A body that is not JSON (a proxy's HTML page) still leaves the header and the status.
        let body = (try? ResponseBody.object(response.body)) ?? nil
        func string(_ keys: String...) -> String? {
            keys.lazy.compactMap { body?[$0]?.stringValue }.first { !$0.isEmpty }
        }
        var typeName = response.header("x-amzn-ErrorType").map { String($0.split(separator: ":").first ?? "") }
        if typeName?.isEmpty ?? true {
            typeName = string("__type", "code", "Code").map { raw in
                String(raw.split(separator: "#", omittingEmptySubsequences: false).last ?? "")
            }
        }
        if typeName?.isEmpty ?? true { typeName = nil }
        let retryAfter = response.header("Retry-After").flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
            .flatMap { $0 >= 0 ? $0 : nil }
        return ServiceError(typeName: typeName, message: string("message", "Message", "errorMessage"),
                            httpStatus: response.status, requestID: response.requestID, retryAfter: retryAfter)
    }

    // MARK: - Classification

    static let throttlingNames: Set<String> = [
        "ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
        "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "LimitExceededException",
    ]
    static let transientNames: Set<String> = [
        "InternalServerException", "InternalFailure", "InternalError", "ServiceUnavailableException",
        "ServiceUnavailable", "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError",
    ]
    // With these every request of the run fails alike; going on would only burn the attempt budget.
    static let runFatalNames: Set<String> = [
        "InvalidSignatureException", "UnrecognizedClientException",
        "ExpiredTokenException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "RequestExpired",
    ]

    /// The classification for a type name and status: a pure table, see `ServiceErrorTests`.
    public static func classify(typeName: String?, httpStatus: Int) -> ErrorClassification {
        if let typeName {
            if throttlingNames.contains(typeName) { return ErrorClassification(retry: .throttling, scope: .request) }
            if transientNames.contains(typeName) { return ErrorClassification(retry: .transient, scope: .request) }
            if runFatalNames.contains(typeName) { return ErrorClassification(retry: .permanent, scope: .run) }
            // Permissions are often granted per repository or package: this one may be the only refusal.
            if typeName == "AccessDeniedException" { return ErrorClassification(retry: .permanent, scope: .resource) }
            // Another operation on the same package is in progress; it settles within moments.
            if typeName == "ConflictException" { return ErrorClassification(retry: .transient, scope: .request) }
        }
        switch httpStatus {
        case 429: return ErrorClassification(retry: .throttling, scope: .request)
        case 500...599, 408: return ErrorClassification(retry: .transient, scope: .request)
        case 401 where typeName == nil, 403 where typeName == nil: return ErrorClassification(retry: .permanent, scope: .run)
        default: return ErrorClassification(retry: .permanent, scope: .request)
        }
    }
}
