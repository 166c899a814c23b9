import Journal

/// The deletion report as Markdown: short, readable in a terminal and in a pull request.
public enum MarkdownReport {
    /// At most this many rows per breakdown table; the rest are summed up in one line.
    public static let rowLimit = 20

    public static func render(_ data: ReportData) -> String {
        typealias F = ReportFormatting
        let done = data.stateName(.done)
        var out = data.operation == .delete ? "# cabatch deletion report\n\n"
            : "# cabatch \(data.operation.map { "\($0.rawValue)" } ?? data.operations.map(\.rawValue).joined(separator: " and ")) report\n\n"
        let plans = data.shards.count == 1 ? "plan `\(data.shards[0].plan)`"
            : "\(data.shards.count) \(data.shards.contains { $0.shard != nil } ? "shards" : "plans")"
        out += "\(F.plural(data.planned.versions, "version")) planned in \(F.plural(data.planned.requests, "request")) (\(plans)). "
        out += "Active \(F.duration(data.activeSeconds)) in \(F.plural(data.shards.reduce(0) { $0 + $1.runs.count }, "run")), "
        out += "\(F.time(data.startTime)) → \(F.time(data.endTime)).\n\n"

        out += "| state | versions | share |\n|---|---:|---:|\n"
        for state in data.shownStates {
            out += "| \(data.stateName(state)) | \(F.count(data.totals[state])) | \(F.percent(data.totals[state], of: data.totals.total)) |\n"
        }
        out += "| **total** | **\(F.count(data.totals.total))** | |\n\n"
        out += "Throughput: \(F.decimal(data.versionsPerSecond)) versions/s and \(F.decimal(data.requestsPerSecond)) requests/s over the active time.\n"
        if data.totals.pending > 0 {
            out += "\n\(F.plural(data.totals.pending, "version is", "versions are")) still pending: `cabatch apply` on the plan sends only \(data.totals.pending == 1 ? "it" : "them").\n"
        }

        if !data.byOperation.isEmpty {
            out += "\n## By operation\n\n| operation | plans | done | absent | changed | failed | pending |\n|---|---:|---:|---:|---:|---:|---:|\n"
            for o in data.byOperation {
                out += "| \(o.operation.rawValue) (\(o.operation.doneName)) | \(o.plans) | " + [VersionState.done, .absent, .changed, .failed, .pending]
                    .map { F.count(o.totals[$0]) }.joined(separator: " | ") + " |\n"
            }
        }
        out += table("By repository", "repository", data.byRepository, data)
        if data.byDomain.count > 1 { out += table("By domain", "domain", data.byDomain, data) }
        if data.byFormat.count > 1 { out += table("By format", "format", data.byFormat, data) }

        if !data.topPackages.isEmpty {
            out += "\n## Most versions \(done)\n\n| package | repository | \(done) | planned |\n|---|---|---:|---:|\n"
            for p in data.topPackages {
                out += "| \(cell(p.package)) | \(cell(p.repository)) | \(F.count(p.done)) | \(F.count(p.planned)) |\n"
            }
        }
        out += groups("Changed since the inventory (left alone)", data.changed)
        out += groups("Failures", data.failures)
        out += groups("Pending, by last answer", data.pendingReasons)

        let r = data.requests
        out += "\n## Requests\n\n"
        out += "\(F.plural(r.attempts, "attempt")) (\(F.plural(r.retries, "retry", "retries"))), \(F.plural(r.answers, "answer")), "
        out += "\(F.count(r.throttled)) throttled, \(F.plural(r.transportErrors, "transport error")), "
        out += "\(F.plural(r.lostAnswers, "lost answer")) (\(F.plural(r.absentAfterLostAnswer, "version")) then found absent). "
        out += "Latency p50 \(F.milliseconds(r.latencyP50)), p95 \(F.milliseconds(r.latencyP95)), "
        out += "p99 \(F.milliseconds(r.latencyP99)), max \(F.milliseconds(r.latencyMax)).\n"
        if !r.httpStatuses.isEmpty {
            out += "HTTP statuses: " + r.httpStatuses.map { "\($0.name) × \(F.count($0.count))" }.joined(separator: ", ") + ".\n"
        }

        out += "\n## Source\n\n"
        for shard in data.shards {
            out += "- plan `\(cell(shard.plan))`\(shard.shard.map { " (shard \($0))" } ?? ""), sha256 `\(shard.planSHA256)`\n"
            for m in shard.manifests {
                out += "  - manifest `\(cell(m.name))`, \(F.count(m.rows)) rows, sha256 `\(m.sha256)`\n"
            }
            out += "  - journal " + (shard.journal.map { "`\(cell($0))`" } ?? "none yet")
            if let torn = shard.tornLine { out += " (torn last line \(torn) left out)" }
            if !shard.cabatchVersions.isEmpty { out += ", written by cabatch \(shard.cabatchVersions.joined(separator: ", "))" }
            out += "\n"
            for run in shard.runs {
                out += "  - run \(F.time(run.start)) → \(F.time(run.end)): \(run.outcome), \(F.duration(run.activeSeconds)), "
                out += F.plural(run.answers, "answer")
                if let region = run.region { out += ", \(region)" }
                if let endpoint = run.endpoint { out += ", \(cell(endpoint))" }
                if let concurrency = run.concurrency { out += ", concurrency \(concurrency)" }
                out += "\n"
            }
        }
        return out
    }

    private static func table(_ title: String, _ column: String, _ rows: [ReportData.Breakdown], _ data: ReportData) -> String {
        typealias F = ReportFormatting
        let states = data.shownStates
        var out = "\n## \(title)\n\n| \(column) | " + states.map { data.stateName($0) }.joined(separator: " | ") + " |\n|---|"
            + String(repeating: "---:|", count: states.count) + "\n"
        for row in rows.prefix(rowLimit) {
            out += "| \(cell(row.name)) | " + states.map { F.count(row.counts[$0]) }.joined(separator: " | ") + " |\n"
        }
        if rows.count > rowLimit {
            var rest = StateCounts()
            for row in rows.dropFirst(rowLimit) { rest = rest + row.counts }
            out += "| … \(rows.count - rowLimit) more | " + states.map { F.count(rest[$0]) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private static func groups(_ title: String, _ groups: [ReportData.FailureGroup]) -> String {
        guard !groups.isEmpty else { return "" }
        var out = "\n## \(title)\n\n| code | versions | sample message | examples |\n|---|---:|---|---|\n"
        for g in groups.prefix(rowLimit) {
            let examples = g.examples.map { "`\(cell($0))`" }.joined(separator: "<br>")
            out += "| \(cell(g.code)) | \(ReportFormatting.count(g.count)) | \(cell(g.sampleMessage)) | \(examples) |\n"
        }
        return out
    }

    /// Keeps a value inside its table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            // "\r\n" is one Character of its own.
            case "\n", "\r", "\r\n": out += " "
            case "`": out += "'"
            default: out.append(c)
            }
        }
        return out
    }
}
