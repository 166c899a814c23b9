import Foundation
import Journal
import Manifest
import Plan
import Report
import Testing

/// The 1,000,000-version benchmark; runs only when asked, in two processes so that the report's
/// peak memory is measured alone:
///
///     CABATCH_BENCH_DIR=/tmp/bench CABATCH_BENCH_PHASE=build  swift test --skip-build --filter ReportBenchmark
///     CABATCH_BENCH_DIR=/tmp/bench CABATCH_BENCH_PHASE=report swift test --skip-build --filter ReportBenchmark
@Suite struct ReportBenchmark {
    private static let environment = ProcessInfo.processInfo.environment
    private static let directory = environment["CABATCH_BENCH_DIR"] ?? ""
    private static let phase = environment["CABATCH_BENCH_PHASE"] ?? ""
    private static let versions = Int(environment["CABATCH_BENCH_VERSIONS"] ?? "") ?? 1_000_000

    @Test(.enabled(if: phase == "build")) func buildPlanAndJournal() throws {
        try FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true)
        let manifest = Self.directory + "/bench.jsonl.zst", planPath = Self.directory + "/bench.plan"
        let journalPath = JournalFile.path(forPlan: planPath)
        try? FileManager.default.removeItem(atPath: journalPath)
        var started = Date()
        let writer = try JSONLinesWriter(path: manifest, compressed: true)
        _ = try SyntheticManifest(rows: Self.versions, seed: 7, inventoryExtra: 0)
            .generate(manifestLine: { try writer.write(line: $0) }, inventoryLine: nil)
        try writer.commit()
        let planned = try Planner().plan([ManifestInput(manifest)]) { _ in }
        try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
        let plan = try PlanFile.read(planPath)
        print("bench: plan of \(plan.header.totals.versions) versions in \(plan.requests.count) requests, \(seconds(since: started)) s")

        started = Date()
        var clock = Timestamp(iso8601: "2026-03-04T10:00:00.000Z")!.millisecondsSinceEpoch
        func tick(_ ms: Int64) -> Timestamp { clock += ms; return Timestamp(millisecondsSinceEpoch: clock) }
        let opened = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "0.1.0", time: tick(0))
        let journal = opened.writer
        try journal.append(.runStart(RunStart(time: tick(0), endpoint: "http://127.0.0.1:4566", region: "us-east-1",
                                              concurrency: 32, cabatchVersion: "0.1.0")))
        var random = SplitMix64(seed: 11)
        for request in plan.requests {
            var attempt = 1
            if random.unit() < 0.05 {
                try journal.append(.intent(AttemptIntent(request: request.id, attempt: 1, time: tick(1), versions: request.versions)))
                try journal.append(.answer(AttemptAnswer(
                    request: request.id, attempt: 1, time: tick(2), latencyMilliseconds: 30, httpStatus: 429,
                    serviceRequestId: "t-\(request.id)", errorType: "ThrottlingException", errorMessage: "Rate exceeded",
                    throttled: true, results: [])))
                attempt = 2
            }
            try journal.append(.intent(AttemptIntent(request: request.id, attempt: attempt, time: tick(1), versions: request.versions)))
            let results = request.versions.map { version -> VersionResult in
                let roll = random.unit()
                if roll < 0.90 { return VersionResult(version, .deleted(revision: "rev\(version.count)")) }
                if roll < 0.95 { return VersionResult(version, .notFound) }
                if roll < 0.98 { return VersionResult(version, .failed(code: "MISMATCHED_STATUS", message: "Version \(version) has status Archived")) }
                return VersionResult(version, .retryable(code: "SKIPPED", message: "Skipped"))
            }
            try journal.append(.answer(AttemptAnswer(
                request: request.id, attempt: attempt, time: tick(3), latencyMilliseconds: 80 + Int(random.next() % 200),
                httpStatus: 200, serviceRequestId: "2f6c1d0e-\(request.id)-\(attempt)", results: results)))
        }
        try journal.append(.runEnd(RunEnd(time: tick(1), reason: .completed)))
        try journal.close()
        let size = (try FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
        print("bench: journal \(size) bytes written in \(seconds(since: started)) s")
    }

    @Test(.enabled(if: phase == "report")) func reportTheJournal() throws {
        let planPath = Self.directory + "/bench.plan"
        var started = Date()
        let source = try ReportSource.load(planPath)
        print("bench: plan read and journal replayed in \(seconds(since: started)) s")
        started = Date()
        let data = ReportData(sources: [source])
        print("bench: aggregated in \(seconds(since: started)) s: \(data.totals)")
        started = Date()
        let markdown = MarkdownReport.render(data), json = JSONReport.render(data), html = HTMLReport.render(data)
        try Data(html.utf8).write(to: URL(fileURLWithPath: Self.directory + "/bench.html"))
        print("bench: markdown \(markdown.utf8.count) B, json \(json.count) B, html \(html.utf8.count) B in \(seconds(since: started)) s")
        started = Date()
        let output = try ReportOutput(path: Self.directory + "/bench.csv")
        try CSVReport.write([source], to: output)
        try output.finish()
        print("bench: csv of \(data.planned.versions) rows in \(seconds(since: started)) s")
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print("bench: peak RSS \(usage.ru_maxrss / 1024) MiB")
    }

    private func seconds(since start: Date) -> String { String(format: "%.2f", Date().timeIntervalSince(start)) }
}
