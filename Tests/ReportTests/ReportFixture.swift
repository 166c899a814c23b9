import Foundation
import Journal
import Manifest
import Plan
import Report
import Testing
import Model

/// A plan and journal built in code with fixed times: two runs (the first killed), every state,
/// several error codes, a throttled answer, a lost answer and a transport error.
enum ReportFixture {
    static let epoch = Timestamp(iso8601: "2026-03-04T10:00:00.000Z")!

    static func at(_ seconds: Double) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: epoch.millisecondsSinceEpoch + Int64((seconds * 1000).rounded()))
    }

    static func key(domain: String = "acme", owner: String? = "111122223333", _ repository: String,
                    _ format: PackageFormat, _ namespace: String?, _ package: String) -> PackageKey {
        PackageKey(domain: domain, domainOwner: owner, repository: repository, format: format, namespace: namespace, package: package)
    }

    static let requests: [BatchRequest] = [
        BatchRequest(id: 1, key: key("npm-store", .npm, "types", "node"), versions: (0..<5).map { "18.0.\($0)" }),
        BatchRequest(id: 2, key: key("npm-store", .npm, nil, "lodash"), versions: ["4.17.0", "4.17.1", "4.17.2"]),
        BatchRequest(id: 3, key: key("pypi-store", .pypi, nil, "requests"), versions: ["2.0.0", "2.0.1", "2.0.2", "2.0.3"]),
        BatchRequest(id: 4, key: key(domain: "beta", owner: "444455556666", "maven-store", .maven, "com.acme", "core"), versions: ["1.0", "1.1"]),
    ]

    static let planSHA = "5f2b3c9d0e1a4b6c8d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e"

    static var header: PlanHeader {
        var manifest = ManifestStats(name: "inventory.jsonl.zst")
        manifest.sha256 = "0e4f1c2b3a495867d8e9fa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d"
        manifest.rows = 14
        var totals = PlanTotals()
        totals.rows = 14
        totals.packages = 4
        totals.requests = 4
        totals.versions = 14
        return PlanHeader(manifests: [manifest], defaultDomainOwner: nil, skipInvalid: false, shard: nil, totals: totals)
    }

    static func answer(_ request: Int, _ attempt: Int, _ second: Double, latency: Int, status: Int? = 200,
                       error: (String, String)? = nil, throttled: Bool = false, _ results: [VersionResult]) -> JournalRecord {
        .answer(AttemptAnswer(request: request, attempt: attempt, time: at(second), latencyMilliseconds: latency,
                              httpStatus: status, serviceRequestId: status == nil ? nil : "0b6f7c1e-\(request)\(attempt)",
                              errorType: error?.0, errorMessage: error?.1, throttled: throttled, results: results))
    }

    static func intent(_ request: Int, _ attempt: Int, _ second: Double) -> JournalRecord {
        .intent(AttemptIntent(request: request, attempt: attempt, time: at(second), versions: requests[request - 1].versions))
    }

    static func runStart(_ second: Double) -> JournalRecord {
        .runStart(RunStart(time: at(second), endpoint: "http://127.0.0.1:4566", region: "us-east-1", concurrency: 4,
                           cabatchVersion: "0.1.0"))
    }

    static var records: [JournalRecord] {
        [
            .header(JournalHeader(planSHA256: planSHA, cabatchVersion: "0.1.0", startTime: at(0))),
            runStart(0),
            intent(1, 1, 1),
            intent(2, 1, 1),
            answer(1, 1, 1.2, latency: 180, [
                VersionResult("18.0.0", .done(revision: "r0")), VersionResult("18.0.1", .done(revision: "r1")),
                VersionResult("18.0.2", .done(revision: "r2")), VersionResult("18.0.3", .absent),
                VersionResult("18.0.4", .failed(code: "MISMATCHED_STATUS", message: "Version 18.0.4 has status Archived, expected Published")),
            ]),
            answer(2, 1, 1.5, latency: 40, status: 429, error: ("ThrottlingException", "Rate exceeded"), throttled: true, []),
            intent(3, 1, 2),
            // The process was killed here: request 3's first answer never reached the journal.
            runStart(100),
            intent(2, 2, 101),
            intent(3, 2, 101),
            answer(2, 2, 101.3, latency: 220, requests[1].versions.map { VersionResult($0, .done(revision: nil)) }),
            answer(3, 2, 101.4, latency: 260, [
                VersionResult("2.0.0", .absent), VersionResult("2.0.1", .absent),
                VersionResult("2.0.2", .done(revision: "q2")),
                VersionResult("2.0.3", .retryable(code: "SKIPPED", message: "Skipped because another version in the request failed")),
            ]),
            intent(4, 1, 102),
            answer(4, 1, 102.2, latency: 150, [
                VersionResult("1.0", .failed(code: "NOT_ALLOWED", message: "Deleting a version in an upstream repository is not allowed")),
                VersionResult("1.1", .failed(code: "NOT_ALLOWED", message: "Deleting a version in an upstream repository is not allowed")),
            ]),
            .intent(AttemptIntent(request: 3, attempt: 3, time: at(103), versions: ["2.0.3"])),
            answer(3, 3, 103.5, latency: 5000, status: nil, error: ("ConnectionReset", "connection reset by peer"), []),
            .runEnd(RunEnd(time: at(104), reason: .interrupted)),
        ]
    }

    static func source(planName: String = "inventory.plan", records: [JournalRecord] = records) throws -> PlanJournal {
        var replay = JournalReplay(requests: requests, source: "inventory.plan.journal")
        for (i, record) in records.enumerated() { try replay.apply(record, sequence: UInt64(i + 1)) }
        return PlanJournal(planName: planName, planHeader: header, planSHA256: planSHA, replay: replay,
                            journalName: planName + ".journal")
    }
}

