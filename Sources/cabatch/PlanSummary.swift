import Manifest
import Plan
import JSONLines

/// What `cabatch plan` prints: counts, rejects, and a table by domain, repository and format.
struct PlanSummary {
    var header: PlanHeader
    var planPath: String?
    var rejectsPath: String?
    var firstRejects: [Reject]

    func text(table: Bool = true) -> String {
        let t = header.totals
        let lines = header.manifests.reduce(0) { $0 + $1.lines }
        var out: [String] = []
        let manifestWord = header.manifests.count == 1 ? "manifest" : "manifests"
        out.append("Read \(header.manifests.count) \(manifestWord): \(lines.grouped) lines, \(t.rows.grouped) valid rows, \(t.blankLines.grouped) blank, \(t.duplicates.grouped) duplicates, \(t.rejects.grouped) rejected")
        if let shard = header.shard {
            out.append("Shard \(shard): \(t.rowsOutsideShard.grouped) rows belong to other shards")
        }
        if t.rejects > 0 {
            var byKind: [RejectKind: Int] = [:]
            for m in header.manifests { byKind.merge(m.rejects, uniquingKeysWith: +) }
            out.append("Rejects by kind: " + byKind.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value.grouped)" }.joined(separator: ", "))
            for reject in firstRejects { out.append("  \(reject)") }
            if t.rejects > firstRejects.count { out.append("  … \((t.rejects - firstRejects.count).grouped) more") }
            if let rejectsPath { out.append("All rejects: \(rejectsPath)") }
        }
        if let planPath {
            out.append("Plan: \(t.packages.grouped) packages, \(t.requests.grouped) requests, \(t.versions.grouped) versions → \(planPath)")
        } else {
            out.append("No plan written.")
        }
        if table && !t.repositories.isEmpty {
            var table = TextTable(header: ["DOMAIN", "REPOSITORY", "FORMAT", "PACKAGES", "VERSIONS", "REQUESTS"], numeric: [3, 4, 5])
            for r in t.repositories {
                let domain = r.domainOwner.map { "\(r.domain) (\($0))" } ?? r.domain
                table.rows.append([domain, r.repository, r.format.rawValue, r.packages.grouped, r.versions.grouped, r.requests.grouped])
            }
            out.append("")
            out.append(table.render())
        }
        return out.joined(separator: "\n")
    }

    func json() -> JSONWriter {
        var w = JSONWriter()
        w.beginObject()
        w.member("plan", planPath)
        w.member("rejectsFile", rejectsPath)
        w.key("header")
        w.value(try! JSONValue.parse(header.encoded().bytes))
        w.endObject()
        return w
    }
}
