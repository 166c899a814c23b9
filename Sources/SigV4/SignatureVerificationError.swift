import Foundation
import Model

/// Why a server refused a request's signature; each case maps to the error AWS itself returns.
public enum SignatureVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `Authorization` header.
    case missingAuthorization
    /// An `Authorization` header that is not `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`.
    case malformedAuthorization
    /// No `X-Amz-Date` header, or one that is not `yyyyMMdd'T'HHmmss'Z'`, or whose day differs from the scope's.
    case invalidDate
    /// The access key id is not known to the server.
    case unknownAccessKey(accessKeyID: String)
    /// The credential scope names another region or service than the server's.
    case scopeMismatch(expected: CredentialScope, received: CredentialScope)
    /// The request time is more than the allowed skew away from the server's clock.
    case clockSkew(requestTime: Date, serverTime: Date)
    /// The recomputed signature differs from the one sent.
    case signatureMismatch(canonicalRequest: String)
    /// Temporary keys sent without their session token or with another one, or a session token
    /// sent with long-term keys.
    case invalidSessionToken
    /// Temporary keys past their expiration.
    case expiredToken

    /// A stable, payload-free name for metrics and tests.
    public var code: String {
        switch self {
        case .missingAuthorization: "missing_authorization"
        case .malformedAuthorization: "malformed_authorization"
        case .invalidDate: "invalid_date"
        case .unknownAccessKey: "unknown_access_key"
        case .scopeMismatch: "scope_mismatch"
        case .clockSkew: "clock_skew"
        case .signatureMismatch: "signature_mismatch"
        case .invalidSessionToken: "invalid_session_token"
        case .expiredToken: "expired_token"
        }
    }

    /// The error type AWS answers with for this failure, with its HTTP status.
    public var errorType: ServiceErrorType {
        switch self {
        case .missingAuthorization: .missingAuthenticationToken
        case .malformedAuthorization, .invalidDate: .incompleteSignature
        case .unknownAccessKey, .invalidSessionToken: .unrecognizedClient
        case .expiredToken: .expiredToken
        case .scopeMismatch, .clockSkew, .signatureMismatch: .invalidSignature
        }
    }

    /// The `x-amzn-ErrorType` AWS answers with for this failure.
    public var awsErrorType: String { errorType.rawValue }

    /// AWS's own wording, so that clients show their users familiar messages.
    public var description: String {
        switch self {
        case .missingAuthorization:
            "Missing Authentication Token"
        case .malformedAuthorization:
            "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters for AWS4-HMAC-SHA256."
        case .invalidDate:
            "Authorization header requires existence of a valid 'X-Amz-Date' header matching the credential scope's date."
        case .unknownAccessKey, .invalidSessionToken:
            "The security token included in the request is invalid."
        case .expiredToken:
            "The security token included in the request is expired"
        case let .scopeMismatch(expected, received):
            "Credential should be scoped to region '\(expected.region)' and service '\(expected.service)', "
                + "not '\(received.region)' and '\(received.service)'."
        case let .clockSkew(requestTime, serverTime):
            "Signature expired: \(Timestamp(flooring: requestTime).basicFormat) is now earlier or later than "
                + "\(Timestamp(flooring: serverTime).basicFormat) by more than 5 minutes."
        case .signatureMismatch:
            "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method."
        }
    }
}
