import Foundation
import JSONLines
import Manifest
import Model
import Selection
import TestSupport
import Testing

@Suite struct SelectionJobTests {
    static let now = Timestamp(iso8601: "2026-06-01T00:00:00Z")!

    static func line(_ package: String, _ version: String, status: String = "Published", days: Int? = nil,
                     defaultVersion: Bool = false) -> String {
        var members = [#""domain":"acme","repository":"npm-store","format":"npm","package":"\#(package)""#,
                       #""version":"\#(version)","status":"\#(status)","revision":"R-\#(package)-\#(version)""#]
        if let days {
            members.append(#""publishedTime":"\#(Timestamp(secondsSinceEpoch: now.secondsSinceEpoch - Double(days) * 86_400).iso8601)""#)
        }
        if defaultVersion { members.append(#""defaultDisplayVersion":true"#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func lines(_ path: String) throws -> [JSONObject] {
        var rows: [JSONObject] = []
        try JSONLinesReader.forEachLine(of: InputFile(path)) { _, line in rows.append(try JSONValue.parse(line!).objectValue!) }
        return rows
    }

    private func run(_ inventory: [String], rules: RetentionRules, in dir: TemporaryDirectory, name: String = "inventory.jsonl")
        throws -> (SelectionJob.Summary, manifest: [UInt8], decisions: [UInt8]) {
        let path = try dir.write(name, ManifestFixture.text(inventory))
        let summary = try SelectionJob(inputs: [InputFile(path)], manifestPath: dir.file("selected.jsonl"),
                                       decisionsPath: dir.file("decisions.jsonl"), rules: rules).run()
        return (summary, try dir.read("selected.jsonl"), try dir.read("decisions.jsonl"))
    }

    @Test func writesTheSelectedRowsWithTheirPreconditionsAndEveryDecision() throws {
        let dir = try TemporaryDirectory()
        var rules = RetentionRules(now: Self.now)
        rules.keepLatest = 1
        let inventory = [Self.line("a", "1.0.0"), Self.line("a", "2.0.0", defaultVersion: true), Self.line("a", "3.0.0"),
                         Self.line("b", "0.1.0", status: "Archived"), Self.line("b", "0.2.0"), Self.line("b", "0.3.0", status: "Deleted")]
        let (summary, _, _) = try run(inventory, rules: rules, in: dir)
        #expect(summary.grouped && summary.packages == 2 && summary.seen == 6 && summary.selected == 2)
        #expect(summary.repositories.first?.keptBy == ["keep-latest:1": 2, "guard:default-display-version": 1, "status:Deleted": 1])

        let selected = try Self.lines(dir.file("selected.jsonl"))
        #expect(selected.map { "\($0["package"]!.stringValue!)@\($0["version"]!.stringValue!)" } == ["a@1.0.0", "b@0.1.0"])
        #expect(selected[1]["status"]?.stringValue == "Archived" && selected[1]["revision"]?.stringValue == "R-b-0.1.0")
        // The manifest is a valid manifest: plan reads it.
        var rows = 0
        _ = try ManifestScanner().scan([InputFile(dir.file("selected.jsonl"))], transform: { $0 }) { rows += $0.partial.count }
        #expect(rows == 2)

        let decisions = try Self.lines(dir.file("decisions.jsonl"))
        #expect(decisions.count == 6)
        #expect(decisions.map { $0["decision"]!.stringValue! } == ["selected", "kept", "kept", "selected", "kept", "kept"])
        #expect(decisions.map { $0["reason"]!.stringValue! }
            == ["selected", "guard:default-display-version", "keep-latest:1", "selected", "keep-latest:1", "status:Deleted"])
    }

    /// The same inventory in another row order decides the same, and the same rules and rows give
    /// the same bytes; an inventory not grouped by package is held whole.
    @Test func outputIsDeterministicAndUngroupedInventoriesAreDecidedWhole() throws {
        let dir = try TemporaryDirectory()
        var rules = RetentionRules(now: Self.now)
        rules.keepLatest = 2
        let grouped = (1...5).flatMap { p in (1...4).map { Self.line("p\(p)", "1.\($0).0") } }
        let first = try run(grouped, rules: rules, in: dir)
        let second = try run(grouped, rules: rules, in: dir)
        #expect(first.manifest == second.manifest && first.decisions == second.decisions)
        #expect(first.0.grouped)

        // Rows of one package apart from each other: the inventory is read whole, decisions are the same.
        let interleaved = (1...4).flatMap { v in (1...5).map { Self.line("p\($0)", "1.\(v).0") } }
        let mixed = try run(interleaved, rules: rules, in: dir, name: "mixed.jsonl")
        #expect(!mixed.0.grouped)
        #expect(mixed.0.selected == first.0.selected && mixed.0.selected == 10)
        let decided = Set(try Self.lines(dir.file("selected.jsonl")).map { "\($0["package"]!.stringValue!)@\($0["version"]!.stringValue!)" })
        #expect(decided == Set((1...5).flatMap { p in ["p\(p)@1.1.0", "p\(p)@1.2.0"] }))
    }

    @Test func refusesBadLinesAndAgeRulesWithoutPublishedTime() throws {
        let dir = try TemporaryDirectory()
        var rules = RetentionRules(now: Self.now)
        rules.olderThan = 86_400
        #expect {
            try run([Self.line("a", "1.0.0", days: 3), Self.line("a", "2.0.0")], rules: rules, in: dir)
        } throws: { error in
            "\(error)".contains("inventory.jsonl:2: --older-than needs publishedTime")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("selected.jsonl")), "nothing is written")
        #expect {
            try run([Self.line("a", "1.0.0"), #"{"domain":"acme"}"#], rules: RetentionRules(now: Self.now), in: dir)
        } throws: { error in
            "\(error)".contains("1 inventory lines are not valid rows") && "\(error)".contains(":2:")
        }
        let aged = try run([Self.line("a", "1.0.0", days: 3), Self.line("a", "2.0.0", days: 0)], rules: rules, in: dir)
        #expect(aged.0.selected == 1)
    }
}
