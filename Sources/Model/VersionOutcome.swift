/// What one answer said about one version: the single vocabulary from the client's decoder,
/// through the executor and the journal, to the replayed state and the report.
public enum VersionOutcome: Sendable, Hashable {
    /// The service did what was asked (`successfulVersions`), with the revision it reported.
    case done(revision: String?)
    /// `NOT_FOUND`: the version is already gone.
    case absent
    /// `MISMATCHED_STATUS` or `MISMATCHED_REVISION`: the version changed since the inventory
    /// was taken, so it was left alone. Final, and not a failure of the run.
    case changed(code: String, message: String)
    /// A permanent refusal (`NOT_ALLOWED`, …): sending it again will not help.
    case failed(code: String, message: String)
    /// Not done, worth sending again (`SKIPPED`, not mentioned, throttling, 5xx, transport errors).
    case retryable(code: String, message: String)

    /// Whether the version needs no more requests after this answer.
    public var isFinal: Bool {
        if case .retryable = self { return false }
        return true
    }
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
