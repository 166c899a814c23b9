import Journal

/// The deletion report as one self-contained HTML page: inline CSS and SVG charts, no scripts,
/// no fonts or anything else fetched from the network.
public enum HTMLReport {
    public static func render(_ data: ReportData) -> String {
        typealias F = ReportFormatting
        var body = ""
        let plans = data.shards.count == 1 ? "plan <code>\(escape(data.shards[0].plan))</code>"
            : "\(data.shards.count) \(data.shards.contains { $0.shard != nil } ? "shards" : "plans")"
        let done = data.stateName(.done)
        body += data.operation == .delete ? "<h1>cabatch deletion report</h1>\n"
            : "<h1>cabatch \(escape(data.operation?.rawValue ?? data.operations.map(\.rawValue).joined(separator: " and "))) report</h1>\n"
        body += "<p class=\"lead\">\(F.plural(data.planned.versions, "version")) planned in \(F.plural(data.planned.requests, "request")) (\(plans)). "
        body += "Active \(escape(F.duration(data.activeSeconds))), \(escape(F.time(data.startTime))) → \(escape(F.time(data.endTime))). "
        body += "\(F.decimal(data.versionsPerSecond)) versions/s, \(F.decimal(data.requestsPerSecond)) requests/s.</p>\n"

        body += "<section class=\"cards\">\n"
        for state in data.shownStates {
            body += "<div class=\"card \(Charts.cssClass(state))\"><div class=\"n\">\(F.count(data.totals[state]))</div>"
            body += "<div>\(data.stateName(state)) · \(F.percent(data.totals[state], of: data.totals.total))</div></div>\n"
        }
        body += "</section>\n"

        body += "<h2>Versions per state</h2>\n" + Charts.states(data.totals, data)
        body += "<h2>By repository</h2>\n" + Charts.repositories(data.byRepository, data)
        body += "<h2>Throughput over active time</h2>\n" + Charts.throughput(data.throughput, data)

        body += breakdownTable("Repositories", "repository", data.byRepository, data)
        if data.byDomain.count > 1 { body += breakdownTable("Domains", "domain", data.byDomain, data) }
        if data.byFormat.count > 1 { body += breakdownTable("Formats", "format", data.byFormat, data) }

        if !data.topPackages.isEmpty {
            body += "<h2>Most versions \(done)</h2>\n<table><tr><th>package</th><th>repository</th><th class=\"r\">\(done)</th><th class=\"r\">planned</th></tr>\n"
            for p in data.topPackages {
                body += "<tr><td>\(escape(p.package))</td><td>\(escape(p.repository))</td><td class=\"r\">\(F.count(p.done))</td><td class=\"r\">\(F.count(p.planned))</td></tr>\n"
            }
            body += "</table>\n"
        }
        body += groupTable("Changed since the inventory (left alone)", data.changed)
        body += groupTable("Failures", data.failures)
        body += groupTable("Pending, by last answer", data.pendingReasons)

        let r = data.requests
        body += "<h2>Requests</h2>\n<table>\n"
        for (name, value) in [
            ("attempts", F.count(r.attempts)), ("retries", F.count(r.retries)), ("answers", F.count(r.answers)),
            ("throttled", F.count(r.throttled)), ("transport errors", F.count(r.transportErrors)),
            ("lost answers", F.count(r.lostAnswers)), ("found absent after a lost answer", F.count(r.absentAfterLostAnswer)),
            ("latency p50 / p95 / p99 / max",
             "\(F.milliseconds(r.latencyP50)) / \(F.milliseconds(r.latencyP95)) / \(F.milliseconds(r.latencyP99)) / \(F.milliseconds(r.latencyMax))"),
            ("HTTP statuses", r.httpStatuses.map { "\($0.name) × \(F.count($0.count))" }.joined(separator: ", ")),
        ] {
            body += "<tr><th>\(escape(name))</th><td>\(escape(value))</td></tr>\n"
        }
        body += "</table>\n"

        body += "<h2>Source</h2>\n"
        for shard in data.shards {
            body += "<p>Plan <code>\(escape(shard.plan))</code>\(shard.shard.map { " (shard \(escape($0)))" } ?? ""), sha256 <code>\(shard.planSHA256)</code>; "
            body += "journal \(shard.journal.map { "<code>\(escape($0))</code>" } ?? "none yet")"
            if let torn = shard.tornLine { body += " (torn last line \(torn) left out)" }
            if !shard.cabatchVersions.isEmpty { body += ", written by cabatch \(escape(shard.cabatchVersions.joined(separator: ", ")))" }
            body += ".</p>\n<ul>\n"
            for m in shard.manifests {
                body += "<li>manifest <code>\(escape(m.name))</code>, \(F.count(m.rows)) rows, sha256 <code>\(m.sha256)</code></li>\n"
            }
            for run in shard.runs {
                body += "<li>run \(escape(F.time(run.start))) → \(escape(F.time(run.end))): \(escape(run.outcome)), \(escape(F.duration(run.activeSeconds))), \(F.plural(run.answers, "answer"))"
                if let region = run.region { body += ", \(escape(region))" }
                if let endpoint = run.endpoint { body += ", \(escape(endpoint))" }
                if let c = run.concurrency { body += ", concurrency \(c)" }
                body += "</li>\n"
            }
            body += "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>cabatch deletion report</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232a;max-width:1000px;margin:24px auto;padding:0 16px}
        h1{font-size:24px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e1e4e8;padding-bottom:4px}
        code{font:12px ui-monospace,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
        table{border-collapse:collapse;margin:6px 0}th,td{padding:4px 10px;border-bottom:1px solid #eceff1;text-align:left;vertical-align:top}
        th{background:#f7f8fa;font-weight:600}.r{text-align:right;font-variant-numeric:tabular-nums}
        .lead{color:#444}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
        .card{flex:1;min-width:150px;border-radius:6px;padding:10px 14px;color:#fff}.card .n{font-size:26px;font-weight:700}
        .deleted{background:#2e7d32}.absent{background:#607d8b}.failed{background:#c62828}.pending{background:#ef8f00}.changed{background:#6a1b9a}
        svg text{font:12px system-ui,sans-serif;fill:#1d232a}
        """

    private static func breakdownTable(_ title: String, _ column: String, _ rows: [ReportData.Breakdown], _ data: ReportData) -> String {
        typealias F = ReportFormatting
        let states = data.shownStates
        var out = "<h2>\(escape(title))</h2>\n<table><tr><th>\(escape(column))</th>"
            + states.map { "<th class=\"r\">\(data.stateName($0))</th>" }.joined() + "</tr>\n"
        for row in rows.prefix(MarkdownReport.rowLimit) {
            out += "<tr><td>\(escape(row.name))</td>" + states.map { "<td class=\"r\">\(F.count(row.counts[$0]))</td>" }.joined() + "</tr>\n"
        }
        if rows.count > MarkdownReport.rowLimit {
            out += "<tr><td colspan=\"\(states.count + 1)\">… \(rows.count - MarkdownReport.rowLimit) more</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private static func groupTable(_ title: String, _ groups: [ReportData.FailureGroup]) -> String {
        guard !groups.isEmpty else { return "" }
        var out = "<h2>\(escape(title))</h2>\n<table><tr><th>code</th><th class=\"r\">versions</th><th>sample message</th><th>examples</th></tr>\n"
        for g in groups.prefix(MarkdownReport.rowLimit) {
            out += "<tr><td>\(escape(g.code))</td><td class=\"r\">\(ReportFormatting.count(g.count))</td><td>\(escape(g.sampleMessage))</td>"
            out += "<td>\(g.examples.map { "<code>\(escape($0))</code>" }.joined(separator: "<br>"))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// Text safe inside elements and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
