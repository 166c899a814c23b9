/// How the executor should treat a failure: whether to retry, and how much of the run it stops.
public struct ErrorClassification: Sendable, Hashable, CustomStringConvertible {
    /// Whether asking again can help.
    public enum Retry: String, Sendable, Hashable, CaseIterable {
        /// The service asks us to slow down: retry with backoff and lower the rate; never give up while the run is healthy.
        case throttling
        /// A passing fault (5xx, timeouts, resets): retry with backoff, within the attempt limit.
        case transient
        /// Asking again gives the same answer.
        case permanent
    }

    /// How far a failure reaches.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Every other request would fail the same way (bad credentials, access denied): stop the run, resumably.
        case run
        /// Only this request is affected.
        case request
        /// This repository or package only, as far as anyone can tell: IAM policies are often
        /// scoped to some of them. The request's versions fail once a request elsewhere in the run
        /// has succeeded; while none has, they wait, and a run refused everywhere stops.
        case resource
    }

    public var retry: Retry
    public var scope: Scope

    public init(retry: Retry, scope: Scope) {
        self.retry = retry
        self.scope = scope
    }

    public var isRetryable: Bool { retry != .permanent }

    public var description: String {
        switch scope {
        case .run: "\(retry.rawValue), fatal for the run"
        case .request: "\(retry.rawValue), fatal for the request"
        case .resource: "\(retry.rawValue), fatal for the repository or package"
        }
    }
}

extension ErrorClassification {
    /// How an error is treated, wherever it came from: its own classification, or, for an
    /// error nothing classified (a failure below the client), a passing one.
    public init(of error: any Error) {
        self = (error as? any ClassifiedError)?.classification ?? ErrorClassification(retry: .transient, scope: .request)
    }
}

/// An error that knows its `ErrorClassification`; everything the client throws conforms.
public protocol ClassifiedError: Error {
    var classification: ErrorClassification { get }
    /// A stable, payload-free name for reports, metrics and exit status.
    var code: String { get }
}
