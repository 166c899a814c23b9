/// What one answer said about one version, as the executor classified it.
///
/// The journal takes plain codes and messages: mapping the CodeArtifact client's results
/// (`successfulVersions`, `failedVersions[].errorCode`, service and transport errors) to these
/// cases is the executor's job, so that Journal does not depend on the client.
public enum VersionOutcome: Sendable, Hashable {
    /// The service deleted it (`successfulVersions`), with the revision it reported.
    case deleted(revision: String?)
    /// `NOT_FOUND`: already gone.
    case notFound
    /// A permanent refusal (`MISMATCHED_STATUS`, `NOT_ALLOWED`, …): sending it again will not help.
    case failed(code: String, message: String)
    /// Not done, worth sending again (`SKIPPED`, throttling, 5xx, transport errors).
    case retryable(code: String, message: String)
}

/// One version's outcome within an answer.
public struct VersionResult: Sendable, Hashable {
    public var version: String
    public var outcome: VersionOutcome

    public init(_ version: String, _ outcome: VersionOutcome) {
        self.version = version
        self.outcome = outcome
    }
}
