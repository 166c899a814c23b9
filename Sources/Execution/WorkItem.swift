import Plan
import Model

/// One request to send: pending versions of one package, possibly gathered from several plan
/// requests on resume, with how often it was tried.
public struct WorkItem: Sendable, Hashable {
    /// The plan requests whose versions this item carries, each with its versions, so the
    /// journal can record every answer against the plan request it belongs to.
    public struct Segment: Sendable, Hashable {
        public var requestID: Int
        public var versions: [String]

        public init(requestID: Int, versions: [String]) {
            self.requestID = requestID
            self.versions = versions
        }
    }

    public var key: PackageKey
    public var segments: [Segment]
    /// The status the plan expects every version to have (sent as `expectedStatus`).
    public var expectedStatus: PackageVersionStatus?
    /// The revisions the plan expects, for the versions it knows one of.
    public var revisions: [String: String]
    /// Attempts made by this run, from 0.
    public var attempts: Int
    /// Of them, attempts the service skipped for another version's sake: not counted against `--max-attempts`.
    public var skippedAttempts = 0
    /// Attempts the journal already holds for its request id, from earlier runs: the journal
    /// numbers attempts across runs.
    public var priorAttempts: Int
    /// Monotonic seconds before which it must not be sent (backoff).
    public var notBefore: Double

    public init(key: PackageKey, segments: [Segment], expectedStatus: PackageVersionStatus? = nil,
                revisions: [String: String] = [:], attempts: Int = 0, priorAttempts: Int = 0, notBefore: Double = 0) {
        self.key = key
        self.segments = segments
        self.expectedStatus = expectedStatus
        self.revisions = revisions
        self.attempts = attempts
        self.priorAttempts = priorAttempts
        self.notBefore = notBefore
    }

    /// The work of a plan request (or of the pending versions of several, merged on resume).
    public init(_ request: BatchRequest, priorAttempts: Int) {
        self.init(key: request.key, segments: [Segment(requestID: request.id, versions: request.versions)],
                  expectedStatus: request.expectedStatus, revisions: request.versionRevisions ?? [:], priorAttempts: priorAttempts)
    }

    public var versions: [String] { segments.flatMap(\.versions) }

    /// Whether an earlier attempt may have carried out some of these versions, its answer lost:
    /// then an answer saying they are no longer as expected needs checking.
    public var mayHaveBeenCarriedOut: Bool { attempts > 1 || priorAttempts > 0 }

    /// The call that sends this item for `operation`; `defaultExpectedStatus` (`--expected-status`)
    /// when the plan expects none.
    public func call(_ operation: BatchOperation, defaultExpectedStatus: PackageVersionStatus?) -> BatchCall {
        let versions = self.versions
        var sent: [String: String] = [:]
        if !revisions.isEmpty { for version in versions { if let revision = revisions[version] { sent[version] = revision } } }
        return BatchCall(operation: operation, key: key, versions: versions, expectedStatus: expectedStatus ?? defaultExpectedStatus,
                         versionRevisions: sent.isEmpty ? nil : sent)
    }
    public var versionCount: Int { segments.reduce(0) { $0 + $1.versions.count } }

    /// Keeps only `keep` of the item's versions (for a retry of part of it).
    func restricted(to keep: Set<String>) -> WorkItem {
        var copy = self
        copy.segments = segments.compactMap { segment in
            let versions = segment.versions.filter(keep.contains)
            return versions.isEmpty ? nil : Segment(requestID: segment.requestID, versions: versions)
        }
        return copy
    }
}
