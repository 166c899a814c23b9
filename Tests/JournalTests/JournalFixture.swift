import Journal
import Plan
import Model

/// Plans and journals built in code with fixed times.
enum JournalFixture {
    static let planSHA = String(repeating: "ab", count: 32)
    static let epoch = Timestamp(iso8601: "2026-01-02T03:04:05.000Z")!

    static func key(_ package: String = "node", repository: String = "npm-store") -> PackageKey {
        PackageKey(domain: "acme", domainOwner: "111122223333", repository: repository, format: .npm,
                   namespace: "types", package: package)
    }

    /// Two requests of `node` (3 + 2 versions) and one of `lodash` (2 versions).
    static let requests: [BatchRequest] = [
        BatchRequest(id: 1, key: key(), versions: ["1.0.0", "1.0.1", "1.0.2"]),
        BatchRequest(id: 2, key: key(), versions: ["2.0.0", "2.0.1"]),
        BatchRequest(id: 3, key: key("lodash"), versions: ["4.0.0", "4.0.1"]),
    ]

    static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: epoch.millisecondsSinceEpoch + seconds * 1000)
    }

    static var header: JournalRecord {
        .header(JournalHeader(planSHA256: planSHA, cabatchVersion: "0.1.0", startTime: epoch))
    }

    static func runStart(_ second: Int64) -> JournalRecord {
        .runStart(RunStart(time: at(second), endpoint: "http://127.0.0.1:4566", region: "us-east-1", concurrency: 4,
                           cabatchVersion: "0.1.0"))
    }

    static func intent(_ request: Int, _ attempt: Int, _ second: Int64, _ versions: [String]) -> JournalRecord {
        .intent(AttemptIntent(request: request, attempt: attempt, time: at(second), versions: versions))
    }

    static func answer(_ request: Int, _ attempt: Int, _ second: Int64, status: Int? = 200, error: String? = nil,
                       throttled: Bool = false, _ results: [VersionResult]) -> JournalRecord {
        .answer(AttemptAnswer(request: request, attempt: attempt, time: at(second), latencyMilliseconds: 120,
                              httpStatus: status, serviceRequestId: status == nil ? nil : "req-\(request)-\(attempt)",
                              errorType: error, errorMessage: error.map { "\($0) happened" }, throttled: throttled,
                              results: results))
    }

    static func replay(_ records: [JournalRecord]) throws -> JournalReplay {
        var replay = JournalReplay(requests: requests, source: "test.journal")
        for (index, record) in records.enumerated() { try replay.apply(record, sequence: UInt64(index + 1)) }
        return replay
    }

    /// Journal bytes of `records`, numbered from 1.
    static func bytes(_ records: [JournalRecord]) -> [UInt8] {
        records.enumerated().flatMap { JournalCodec.encode($1, sequence: UInt64($0 + 1)) + [0x0A] }
    }

    /// A short journal touching every record type.
    static var sample: [JournalRecord] {
        [
            header,
            runStart(0),
            intent(1, 1, 1, ["1.0.0", "1.0.1", "1.0.2"]),
            answer(1, 1, 2, [VersionResult("1.0.0", .done(revision: "r0")), VersionResult("1.0.1", .absent),
                             VersionResult("1.0.2", .failed(code: "MISMATCHED_STATUS", message: "status is Published"))]),
            intent(2, 1, 2, ["2.0.0", "2.0.1"]),
            answer(2, 1, 3, status: 429, error: "ThrottlingException", throttled: true, []),
            .runEnd(RunEnd(time: at(4), reason: .interrupted)),
        ]
    }
}
