import Foundation
import Journal
import Manifest
import Plan
import Report
import JSONLines
import Model

// The report benchmark: builds a plan of N versions (default 1,000,000) and a journal of one run
// answering all of it, then, in a separate process so that its peak memory is measured alone,
// reads the plan and journal and renders every format (`report`), or does so from one replay of
// the whole plan in memory (`report-whole`), to compare. `scripts/bench-report.sh` runs both.
//
//     swift build -c release --product report-benchmark
//     .build/release/report-benchmark build  DIR [VERSIONS]
//     .build/release/report-benchmark report DIR
//     .build/release/report-benchmark report-whole DIR

/// Wall-clock seconds since `start`, and the process's CPU seconds (user + system) since `cpu`:
/// on a busy machine the second says more about the code.
func seconds(since start: Date, cpu: Double? = nil) -> String {
    let wall = String(format: "%.2f", Date().timeIntervalSince(start))
    guard let cpu else { return wall }
    return wall + String(format: " (CPU %.2f)", cpuSeconds() - cpu)
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// glibc's malloc_trim (not in the Glibc module map): shows how much of RSS is freed heap kept by malloc.
@_silgen_name("malloc_trim") func malloc_trim(_ pad: Int) -> Int32

/// Resident memory now and at its peak, from /proc (Linux), with its anonymous part (heap and
/// stacks): the rest is mapped files, mostly the Swift and Foundation libraries (some 20 MB).
func memory() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> String {
        status.split(separator: "\n").first { $0.hasPrefix(name) }
            .map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) } ?? "?"
    }
    let before = field("VmRSS:")
    _ = malloc_trim(0)
    return "RSS \(before) (\(field("VmRSS:")) after malloc_trim, \(field("RssAnon:")) anonymous), peak \(field("VmHWM:"))"
}

func build(_ directory: String, versions: Int) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let manifest = directory + "/bench.jsonl.zst", planPath = directory + "/bench.plan"
    let journalPath = JournalFile.path(forPlan: planPath)
    try? FileManager.default.removeItem(atPath: journalPath)
    var started = Date()
    let writer = try JSONLinesWriter(path: manifest, compressed: true)
    _ = try SyntheticManifest(rows: versions, seed: 7, inventoryExtra: 0)
        .generate(manifestLine: { try writer.write(line: $0) }, inventoryLine: nil)
    try writer.commit()
    let planned = try Planner().plan([InputFile(manifest)]) { _ in }
    try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
    let plan = try PlanFile.read(planPath)
    print("plan: \(plan.header.totals.versions) versions in \(plan.requests.count) requests, \(seconds(since: started)) s")

    started = Date()
    var clock = Timestamp(iso8601: "2026-03-04T10:00:00.000Z")!.millisecondsSinceEpoch
    func tick(_ ms: Int64) -> Timestamp { clock += ms; return Timestamp(millisecondsSinceEpoch: clock) }
    let journal = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: "0.1.0", time: tick(0)).writer
    try journal.append(.runStart(RunStart(time: tick(0), endpoint: "http://127.0.0.1:4566", region: "us-east-1",
                                          concurrency: 32, cabatchVersion: "0.1.0")))
    var random = SplitMix64(seed: 11)
    for request in plan.requests {
        var attempt = 1
        if random.unit() < 0.05 {
            try journal.append(.intent(AttemptIntent(request: request.id, attempt: 1, time: tick(1), versions: request.versions)))
            try journal.append(.answer(AttemptAnswer(
                request: request.id, attempt: 1, time: tick(2), latencyMilliseconds: 30, httpStatus: 429,
                serviceRequestId: "5c1f0a2e-7d3b-4e8f-9a6c-\(100_000_000_000 + request.id)", errorType: "ThrottlingException",
                errorMessage: "Rate exceeded", throttled: true, results: [])))
            attempt = 2
        }
        try journal.append(.intent(AttemptIntent(request: request.id, attempt: attempt, time: tick(1), versions: request.versions)))
        let results = request.versions.map { version -> VersionResult in
            let roll = random.unit()
            if roll < 0.90 { return VersionResult(version, .done(revision: "REV\(version.utf8.count)")) }
            if roll < 0.95 { return VersionResult(version, .absent) }
            if roll < 0.98 { return VersionResult(version, .failed(code: "MISMATCHED_STATUS", message: "Version \(version) has status Archived")) }
            return VersionResult(version, .retryable(code: "SKIPPED", message: "Skipped"))
        }
        try journal.append(.answer(AttemptAnswer(
            request: request.id, attempt: attempt, time: tick(3), latencyMilliseconds: 80 + Int(random.next() % 200),
            httpStatus: 200, serviceRequestId: "2f6c1d0e-7d3b-4e8f-9a6c-\(100_000_000_000 + request.id)", results: results)))
    }
    try journal.append(.runEnd(RunEnd(time: tick(1), reason: .completed)))
    try journal.close()
    let size = (try FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
    print("journal: \(size) bytes written in \(seconds(since: started)) s")
}

/// Reports on the plan and journal in `directory`: as `cabatch report` does (`whole == false`:
/// the plan streamed a stretch at a time against the journal's index), or from one replay of the
/// whole plan held in memory, the way reports were made before, for comparison.
func report(_ directory: String, whole: Bool) throws {
    let planPath = directory + "/bench.plan"
    let size = (try FileManager.default.attributesOfItem(atPath: JournalFile.path(forPlan: planPath))[.size] as? Int) ?? 0
    let total = Date(), totalCPU = cpuSeconds()
    var started = Date(), cpu = cpuSeconds()
    let source: PlanJournal
    if whole {
        let plan = try PlanFile.read(planPath)
        var replay = JournalReplay(requests: plan.requests, source: JournalFile.path(forPlan: planPath))
        let read = try JournalFile.read(replay.source) { sequence, record in try replay.apply(record, sequence: sequence) }
        source = PlanJournal(planName: "bench.plan", planHeader: plan.header, planSHA256: plan.sha256, replay: replay,
                              journalName: "bench.plan.journal")
        print("load: whole plan, \(read.records) records (\(size) bytes) replayed in \(seconds(since: started, cpu: cpu)) s; \(memory())")
    } else {
        source = try PlanJournal.load(planPath)
        print("load: plan checked, journal (\(size) bytes) indexed in \(seconds(since: started, cpu: cpu)) s; \(memory())")
    }
    started = Date()
    cpu = cpuSeconds()
    let data = try ReportData(sources: [source])
    print("aggregate: \(seconds(since: started, cpu: cpu)) s; \(data.totals); \(memory())")
    started = Date()
    let markdown = MarkdownReport.render(data), json = JSONReport.render(data), html = HTMLReport.render(data)
    try Data(markdown.utf8).write(to: URL(fileURLWithPath: directory + "/bench.md"))
    try Data(json).write(to: URL(fileURLWithPath: directory + "/bench.json"))
    try Data(html.utf8).write(to: URL(fileURLWithPath: directory + "/bench.html"))
    print("render: markdown, json, html in \(seconds(since: started)) s")
    started = Date()
    cpu = cpuSeconds()
    let output = try ReportOutput(path: directory + "/bench.csv")
    try CSVReport.write([source], to: output)
    try output.finish()
    print("csv: \(data.planned.versions) rows in \(seconds(since: started, cpu: cpu)) s; \(memory())")
    print("total: \(seconds(since: total, cpu: totalCPU)) s; \(memory())")
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, ["build", "report", "report-whole"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: report-benchmark build DIR [VERSIONS] | report DIR | report-whole DIR\n".utf8))
    exit(1)
}
do {
    if arguments[1] == "build" {
        try build(arguments[2], versions: arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000)
    } else {
        try report(arguments[2], whole: arguments[1] == "report-whole")
    }
} catch {
    FileHandle.standardError.write(Data("report-benchmark: \(error)\n".utf8))
    exit(1)
}
