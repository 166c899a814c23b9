import Model
/// One line of a journal.
///
/// A journal is a header, then for each `apply` a run start, an intent before every attempt,
/// an answer for every attempt that got one, and a run end when the run stopped in order.
public enum JournalRecord: Sendable, Equatable {
    case header(JournalHeader)
    case runStart(RunStart)
    case intent(AttemptIntent)
    case answer(AttemptAnswer)
    case runEnd(RunEnd)

    /// When the record was made.
    public var time: Timestamp {
        switch self {
        case .header(let r): r.startTime
        case .runStart(let r): r.time
        case .intent(let r): r.time
        case .answer(let r): r.time
        case .runEnd(let r): r.time
        }
    }
}

/// The first record: which plan this journal belongs to.
public struct JournalHeader: Sendable, Equatable {
    public static let formatName = "cabatch-journal"
    /// 2 names outcomes as replay names states (`done`, `absent`); 1 said `deleted`, `not-found`.
    public static let formatVersion = 2
    /// A journal begun by an earlier cabatch still resumes.
    public static let readableVersions: ClosedRange<Int> = 1...2

    /// The plan file's sha256, lowercase hex: a journal is refused for any other plan.
    public var planSHA256: String
    public var cabatchVersion: String
    public var startTime: Timestamp

    public init(planSHA256: String, cabatchVersion: String, startTime: Timestamp) {
        self.planSHA256 = planSHA256
        self.cabatchVersion = cabatchVersion
        self.startTime = startTime
    }
}

/// One `apply` invocation began; reports measure active time from these. Never holds credentials.
public struct RunStart: Sendable, Equatable {
    public var time: Timestamp
    public var endpoint: String
    public var region: String
    public var concurrency: Int
    public var cabatchVersion: String

    /// `endpoint` loses any user information and query (`https://user:secret@host/?X-Amz-…` → `https://host/`),
    /// so that a journal never keeps a secret pasted into an endpoint URL.
    public init(time: Timestamp, endpoint: String, region: String, concurrency: Int, cabatchVersion: String) {
        self.time = time
        self.endpoint = Self.withoutSecrets(endpoint)
        self.region = region
        self.concurrency = concurrency
        self.cabatchVersion = cabatchVersion
    }
}

extension RunStart {
    static func withoutSecrets(_ endpoint: String) -> String {
        var text = Substring(endpoint)
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<query] }
        guard let scheme = text.range(of: "://") else { return String(text) }
        let authorityEnd = text[scheme.upperBound...].firstIndex(of: "/") ?? text.endIndex
        if let at = text[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
            return String(text[..<scheme.upperBound] + text[text.index(after: at)...])
        }
        return String(text)
    }
}

/// Written before an attempt is sent, so that an attempt whose answer was lost is known.
public struct AttemptIntent: Sendable, Equatable {
    /// The plan request id (for a batch merged from several requests of one package, the first).
    public var request: Int
    /// 1-based, counting every attempt of this request id across runs.
    public var attempt: Int
    public var time: Timestamp
    /// The versions sent, in the order sent.
    public var versions: [String]

    public init(request: Int, attempt: Int, time: Timestamp, versions: [String]) {
        self.request = request
        self.attempt = attempt
        self.time = time
        self.versions = versions
    }
}

/// What the service (or the transport) answered to one attempt.
public struct AttemptAnswer: Sendable, Equatable {
    public var request: Int
    public var attempt: Int
    /// When the answer arrived.
    public var time: Timestamp
    public var latencyMilliseconds: Int
    /// `nil` when no HTTP response arrived (connection refused, timeout, reset).
    public var httpStatus: Int?
    /// The `x-amzn-RequestId` header, for support cases.
    public var serviceRequestId: String?
    /// The service's error type (`ThrottlingException`, …) or a transport error's name; `nil` on success.
    public var errorType: String?
    public var errorMessage: String?
    public var throttled: Bool
    /// Per-version outcomes. An answer without them (a throttled or failed call) changes no state.
    public var results: [VersionResult]

    public init(request: Int, attempt: Int, time: Timestamp, latencyMilliseconds: Int, httpStatus: Int?,
                serviceRequestId: String?, errorType: String? = nil, errorMessage: String? = nil,
                throttled: Bool = false, results: [VersionResult]) {
        self.request = request
        self.attempt = attempt
        self.time = time
        self.latencyMilliseconds = latencyMilliseconds
        self.httpStatus = httpStatus
        self.serviceRequestId = serviceRequestId
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.throttled = throttled
        self.results = results
    }
}

/// One `apply` invocation stopped in order.
public struct RunEnd: Sendable, Equatable {
    /// Why a run stopped.
    public enum Reason: String, Sendable, CaseIterable {
        case completed
        case interrupted
        case failureThreshold = "failure-threshold"
        case fatalError = "fatal-error"
    }

    public var time: Timestamp
    public var reason: Reason
    /// For `fatalError`: the error's description (never credentials).
    public var message: String?

    public init(time: Timestamp, reason: Reason, message: String? = nil) {
        self.time = time
        self.reason = reason
        self.message = message
    }
}
