import Journal
import JSONLines

/// The deletion report as JSON, schema `cabatch-report` version `ReportData.schemaVersion`
/// (documented in `docs/report-schema.md`).
public enum JSONReport {
    public static let schemaName = "cabatch-report"

    /// Indented UTF-8 JSON ending in a newline.
    public static func render(_ data: ReportData) -> [UInt8] {
        JSONIndenter.indent(compact(data).bytes)
    }

    /// The same document on one line.
    public static func compact(_ data: ReportData) -> JSONWriter {
        var w = JSONWriter(capacity: 8192)
        w.beginObject()
        w.member("schema", schemaName)
        w.member("schemaVersion", ReportData.schemaVersion)
        w.member("operation", data.operation?.rawValue)
        w.member("doneName", data.stateName(.done))
        w.key("operations")
        w.beginArray()
        for o in data.byOperation {
            w.beginObject()
            w.member("operation", o.operation.rawValue)
            w.member("plans", o.plans)
            w.key("totals")
            counts(&w, o.totals, total: true)
            w.endObject()
        }
        w.endArray()
        w.key("planned")
        w.beginObject()
        w.member("versions", data.planned.versions)
        w.member("requests", data.planned.requests)
        w.member("packages", data.planned.packages)
        w.endObject()
        w.key("totals")
        counts(&w, data.totals, total: true)
        w.key("time")
        w.beginObject()
        w.member("start", data.startTime?.iso8601)
        w.member("end", data.endTime?.iso8601)
        w.member("activeSeconds", rounded(data.activeSeconds))
        w.member("versionsPerSecond", rounded(data.versionsPerSecond))
        w.member("requestsPerSecond", rounded(data.requestsPerSecond))
        w.endObject()
        w.key("throughput")
        w.beginObject()
        w.member("bucketSeconds", data.throughput.bucketSeconds)
        w.key("buckets")
        w.beginArray()
        for b in data.throughput.buckets {
            w.beginObject()
            w.member("offsetSeconds", b.offsetSeconds)
            w.member("answers", b.answers)
            w.member("settled", b.settled)
            w.member("done", b.done)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        for (name, rows) in [("byDomain", data.byDomain), ("byRepository", data.byRepository), ("byFormat", data.byFormat)] {
            w.key(name)
            w.beginArray()
            for row in rows {
                w.beginObject()
                w.member("name", row.name)
                for state in VersionState.reported { w.member(state.stableName, row.counts[state]) }
                w.endObject()
            }
            w.endArray()
        }
        w.key("topPackages")
        w.beginArray()
        for p in data.topPackages {
            w.beginObject()
            w.member("package", p.package)
            w.member("repository", p.repository)
            w.member("done", p.done)
            w.member("planned", p.planned)
            w.endObject()
        }
        w.endArray()
        groups(&w, "changed", data.changed)
        groups(&w, "failures", data.failures)
        groups(&w, "pending", data.pendingReasons)
        requests(&w, data.requests)
        shards(&w, data.shards)
        w.endObject()
        return w
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private static func counts(_ w: inout JSONWriter, _ c: StateCounts, total: Bool) {
        w.beginObject()
        for state in VersionState.reported { w.member(state.stableName, c[state]) }
        if total { w.member("total", c.total) }
        w.endObject()
    }

    private static func groups(_ w: inout JSONWriter, _ name: String, _ groups: [ReportData.FailureGroup]) {
        w.key(name)
        w.beginArray()
        for g in groups {
            w.beginObject()
            w.member("code", g.code)
            w.member("count", g.count)
            w.member("sampleMessage", g.sampleMessage)
            w.key("examples")
            w.beginArray()
            for e in g.examples { w.string(e) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    private static func requests(_ w: inout JSONWriter, _ r: ReportData.RequestStatistics) {
        w.key("requests")
        w.beginObject()
        w.member("attempts", r.attempts)
        w.member("retries", r.retries)
        w.member("answers", r.answers)
        w.member("throttled", r.throttled)
        w.member("transportErrors", r.transportErrors)
        w.member("lostAnswers", r.lostAnswers)
        w.member("absentAfterLostAnswer", r.absentAfterLostAnswer)
        w.key("latencyMs")
        w.beginObject()
        for (name, value) in [("p50", r.latencyP50), ("p95", r.latencyP95), ("p99", r.latencyP99), ("max", r.latencyMax)] {
            w.key(name)
            if let value { w.int(value) } else { w.null() }
        }
        w.endObject()
        for (name, list) in [("httpStatuses", r.httpStatuses), ("errorTypes", r.errorTypes)] {
            w.key(name)
            w.beginObject()
            for c in list { w.member(c.name, c.count) }
            w.endObject()
        }
        w.endObject()
    }

    private static func shards(_ w: inout JSONWriter, _ shards: [ReportData.ShardInfo]) {
        w.key("shards")
        w.beginArray()
        for s in shards {
            w.beginObject()
            w.member("plan", s.plan)
            w.member("operation", s.operation.rawValue)
            w.member("planSHA256", s.planSHA256)
            w.member("shard", s.shard)
            w.member("journal", s.journal)
            w.key("tornLine")
            if let torn = s.tornLine { w.int(torn) } else { w.null() }
            w.key("manifests")
            w.beginArray()
            for m in s.manifests {
                w.beginObject()
                w.member("name", m.name)
                w.member("sha256", m.sha256)
                w.member("rows", m.rows)
                w.endObject()
            }
            w.endArray()
            w.key("cabatchVersions")
            w.beginArray()
            for v in s.cabatchVersions { w.string(v) }
            w.endArray()
            w.key("runs")
            w.beginArray()
            for run in s.runs {
                w.beginObject()
                w.member("start", run.start.iso8601)
                w.member("end", run.end.iso8601)
                w.member("outcome", run.outcome)
                w.member("endpoint", run.endpoint)
                w.member("region", run.region)
                w.key("concurrency")
                if let c = run.concurrency { w.int(c) } else { w.null() }
                w.member("activeSeconds", rounded(run.activeSeconds))
                w.member("answers", run.answers)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }
}
