import CodeArtifact
import Foundation
import Journal
import Model

/// One attempt's answer, sorted into what is final for each version and what to try again.
///
/// Pure: built from the client's output or error, so the rules are tested without a network.
public struct AttemptOutcome: Sendable, Equatable {
    public var httpStatus: Int?
    public var awsRequestID: String?
    /// The service or transport error of a whole-request failure.
    public var errorCode: String?
    public var errorMessage: String?
    public var retryAfter: Double?

    /// Every version sent, with what this answer means for it, in the request's order.
    public var results: [VersionResult] = []
    /// Why the retried versions failed, for the retry policy; `nil` when nothing is retried.
    public var retryKind: RetryPolicy.Failure?
    /// The error means every other request would fail the same way (credentials, signature).
    public var fatalForRun = false
    /// Refused for this repository or package (access denied): the versions are retryable with
    /// `retryKind` `.permanent` until the executor knows whether the run can succeed elsewhere.
    public var deniedForResource = false

    /// The versions to send again.
    public var retry: [String] { results.compactMap { $0.outcome.isFinal ? nil : $0.version } }

    /// How many versions this answer settled in each final state (`pending`: to send again).
    public var counts: StateCounts {
        var counts = StateCounts()
        for result in results {
            switch result.outcome {
            case .done: counts.done += 1
            case .absent: counts.absent += 1
            case .changed: counts.changed += 1
            case .failed: counts.failed += 1
            case .retryable: counts.pending += 1
            }
        }
        return counts
    }

    /// Whether every version to send again was `SKIPPED` while another version of the same
    /// answer reached a final state: the service's way of refusing a whole batch for one version.
    public var onlySkippedRetries: Bool {
        var skipped = false, settled = false
        for result in results {
            switch result.outcome {
            case .retryable(let code, _):
                guard code == PackageVersionErrorCode.skipped.rawValue else { return false }
                skipped = true
            default:
                settled = true
            }
        }
        return skipped && settled
    }

    /// The versions whose answer may be the echo of an earlier attempt that was carried out
    /// though its answer was lost: a mismatch (the status or revision this plan expected is
    /// gone, perhaps because this plan changed it) or, for dispose, `NOT_ALLOWED` (disposing a
    /// disposed version). Only their current status can say which; `resolving` decides.
    public func versionsToCheck(operation: BatchOperation) -> [String] {
        results.compactMap { result in
            switch result.outcome {
            case .changed: return result.version
            case .failed(let code, _) where operation == .dispose && code == PackageVersionErrorCode.notAllowed.rawValue:
                return result.version
            default: return nil
            }
        }
    }

    /// The answer once the `checked` versions' current statuses are known: a version with the
    /// operation's target status was carried out by an earlier attempt of this plan; a status
    /// mismatch while the version has the `expected` status again is sent again; a mismatch
    /// with any other status stays changed, and a refusal stays failed. A checked version
    /// whose status could not be read is not guessed at: it is sent again.
    public func resolving(_ statuses: [String: PackageVersionStatus?], checked: [String], operation: BatchOperation,
                          expected: PackageVersionStatus?) -> AttemptOutcome {
        var resolved = self
        let checked = Set(checked)
        resolved.results = results.map { result in
            guard checked.contains(result.version) else { return result }
            guard let known = statuses[result.version], let status = known else {
                switch result.outcome {
                case .changed(let code, let message), .failed(let code, let message):
                    return VersionResult(result.version, .retryable(code: code, message: "\(message) (its status could not be read, so it is asked again)"))
                default:
                    return result
                }
            }
            switch result.outcome {
            case .changed(let code, let message), .failed(let code, let message):
                if status == operation.targetStatus {
                    return VersionResult(result.version, .done(revision: nil))
                }
                if status == expected, code == PackageVersionErrorCode.mismatchedStatus.rawValue {
                    return VersionResult(result.version, .retryable(code: code, message: "\(message) (status now \(status.rawValue), as expected again)"))
                }
                let note = "\(message) (status now \(status.rawValue))"
                if case .changed = result.outcome { return VersionResult(result.version, .changed(code: code, message: note)) }
                return VersionResult(result.version, .failed(code: code, message: note))
            default:
                return result
            }
        }
        return resolved
    }

    /// A resource refusal made final: every version it held fails with the refusal's code.
    public mutating func failDenied() {
        guard deniedForResource else { return }
        let failure = VersionOutcome.failed(code: errorCode ?? "AccessDeniedException", message: errorMessage ?? "")
        results = results.map { $0.outcome.isFinal ? $0 : VersionResult($0.version, failure) }
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
        results = versions.map { VersionResult($0, output.outcome(of: $0)) }
        if results.contains(where: { !$0.outcome.isFinal }) { retryKind = .transient }
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
        let code = errorCode ?? "error", message = errorMessage ?? ""
        switch classification.retry {
        case .throttling:
            retryKind = .throttled(retryAfter: retryAfter)
        case .transient where !fatalForRun:
            retryKind = .transient
        default:
            // Fatal or denied: nothing was done, so the versions stay pending for a resumed run.
            guard fatalForRun || deniedForResource else {
                results = versions.map { VersionResult($0, .failed(code: code, message: message)) }
                return
            }
            retryKind = .permanent
        }
        results = versions.map { VersionResult($0, .retryable(code: code, message: message)) }
    }
}
