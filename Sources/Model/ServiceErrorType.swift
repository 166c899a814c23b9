/// The error types CodeArtifact (and the AWS front door before it) answers with, by wire name.
///
/// The first six are the modelled errors of the batch operations; the signing ones and
/// `UnknownOperationException` come from the front door shared by all AWS JSON services.
public enum ServiceErrorType: String, Sendable, Hashable, CaseIterable {
    case accessDenied = "AccessDeniedException"
    case conflict = "ConflictException"
    case internalServer = "InternalServerException"
    case resourceNotFound = "ResourceNotFoundException"
    case throttling = "ThrottlingException"
    case validation = "ValidationException"
    case serviceQuotaExceeded = "ServiceQuotaExceededException"
    case invalidSignature = "InvalidSignatureException"
    case unrecognizedClient = "UnrecognizedClientException"
    case expiredToken = "ExpiredTokenException"
    case incompleteSignature = "IncompleteSignatureException"
    case missingAuthenticationToken = "MissingAuthenticationTokenException"
    case serviceUnavailable = "ServiceUnavailableException"
    /// No operation at the request's method and path.
    case unknownOperation = "UnknownOperationException"

    /// The HTTP status the service pairs with this type.
    public var httpStatus: Int {
        switch self {
        case .accessDenied, .invalidSignature, .unrecognizedClient, .expiredToken, .missingAuthenticationToken: 403
        case .conflict: 409
        case .internalServer: 500
        case .resourceNotFound, .unknownOperation: 404
        case .throttling: 429
        case .validation, .incompleteSignature: 400
        case .serviceQuotaExceeded: 402
        case .serviceUnavailable: 503
        }
    }
}
