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
    /// Attempts made by this run, from 0.
    public var attempts: Int
    /// Attempts the journal already holds for its request id, from earlier runs: the journal
    /// numbers attempts across runs.
    public var priorAttempts: Int
    /// Monotonic seconds before which it must not be sent (backoff).
    public var notBefore: Double

    public init(key: PackageKey, segments: [Segment], attempts: Int = 0, priorAttempts: Int = 0, notBefore: Double = 0) {
        self.key = key
        self.segments = segments
        self.attempts = attempts
        self.priorAttempts = priorAttempts
        self.notBefore = notBefore
    }

    public var versions: [String] { segments.flatMap(\.versions) }
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
