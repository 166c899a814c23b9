import CodeArtifact
import Foundation

/// One attempt's answer, sorted into what is final for each version and what to try again.
///
/// Pure: built from the client's output or error, so the rules are tested without a network.
public struct AttemptOutcome: Sendable, Equatable {
    /// A version the service refused for good, with its code and message.
    public struct Failure: Sendable, Equatable {
        public var code: String
        public var message: String?
    }

    public var httpStatus: Int?
    public var awsRequestID: String?
    /// The service or transport error of a whole-request failure.
    public var errorCode: String?
    public var errorMessage: String?
    public var retryAfter: Double?

    /// Versions deleted by this attempt, with the revision the service reported.
    public var deleted: [String: String?] = [:]
    /// NOT_FOUND: already gone (perhaps by an earlier attempt whose answer was lost).
    public var absent: [String] = []
    public var failed: [String: Failure] = [:]
    /// Versions to send again (SKIPPED, left unanswered, or the whole request on a retryable error).
    public var retry: [String] = []
    /// Why the retried versions failed, for the retry policy; `nil` when nothing is retried.
    public var retryKind: RetryPolicy.Failure?
    /// The error means every other request would fail the same way (credentials, signature).
    public var fatalForRun = false
    /// Refused for this repository or package (access denied): the versions are in `retry` with
    /// `retryKind` `.permanent` until the executor knows whether the run can succeed elsewhere.
    public var deniedForResource = false

    /// A resource refusal made final: every version it held fails with the refusal's code.
    public mutating func failDenied() {
        guard deniedForResource else { return }
        for version in retry { failed[version] = Failure(code: errorCode ?? "AccessDeniedException", message: errorMessage) }
        retry = []
        retryKind = nil
        deniedForResource = false
    }

    public var throttled: Bool {
        if case .throttled = retryKind { return true }
        return false
    }

    /// The answer of a successful HTTP exchange for `versions`.
    public init(output: DeletePackageVersionsOutput, versions: [String]) {
        httpStatus = output.httpStatus
        awsRequestID = output.requestID
        let successful = output.successfulVersions
        let failedVersions = output.failedVersions
        for version in versions {
            if let success = successful[version] {
                deleted[version] = .some(success.revision)
            } else if let failure = failedVersions[version] {
                switch failure.code {
                case .notFound: absent.append(version)
                // SKIPPED: the service did nothing for this version this time (another failed in the batch).
                case .skipped: retry.append(version)
                default: failed[version] = Failure(code: failure.errorCode, message: failure.errorMessage)
                }
            } else {
                // Not mentioned at all: nothing is known, so it stays pending and is asked again.
                retry.append(version)
            }
        }
        if !retry.isEmpty { retryKind = .transient }
    }

    /// The answer of a request that failed as a whole.
    public init(error: any Error, versions: [String]) {
        let classification = ErrorClassification(of: error)
        if let service = error as? ServiceError {
            httpStatus = service.httpStatus
            awsRequestID = service.requestID
            errorCode = service.code
            errorMessage = service.message
            retryAfter = service.retryAfter
        } else {
            errorCode = (error as? any ClassifiedError)?.code ?? "transport"
            errorMessage = String(describing: error)
        }
        fatalForRun = classification.scope == .run
        deniedForResource = classification.scope == .resource
        switch classification.retry {
        case .throttling:
            retry = versions
            retryKind = .throttled(retryAfter: retryAfter)
        case .transient where !fatalForRun:
            retry = versions
            retryKind = .transient
        default:
            if fatalForRun || deniedForResource {
                // Nothing was done: leave the versions pending for a resumed run.
                retry = versions
                retryKind = .permanent
            } else {
                for version in versions { failed[version] = Failure(code: errorCode ?? "error", message: errorMessage) }
            }
        }
    }
}
