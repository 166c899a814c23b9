import Foundation
import JSONLines
import Manifest
import Model
@testable import Plan
import TestSupport
import Testing

/// Pins how an inventory's statuses and revisions become requests' preconditions: grouping by
/// (package, status), revisions parallel to versions, the overrides, refusing a guess, and the
/// plan file carrying them both ways it is read.
@Suite struct PlannerPreconditionsTests {
    private func line(_ package: String, _ version: String, status: String? = nil, revision: String? = nil) -> String {
        var row = ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: package, version: version)
        row.status = status.flatMap(PackageVersionStatus.init(rawValue:))
        row.revision = revision
        return String(decoding: row.encoded().bytes, as: UTF8.self)
    }

    private func plan(_ lines: [String], operation: BatchOperation = .archive,
                      preconditions: PackageGroups.Preconditions = .fromRows) throws -> (Planner.Result, [BatchRequest]) {
        let dir = try TemporaryDirectory()
        let path = try dir.write("m.jsonl", ManifestFixture.text(lines))
        let result = try Planner(operation: operation, preconditions: preconditions).plan([InputFile(path)]) { _ in }
        var requests: [BatchRequest] = []
        result.builder.forEachRequest { requests.append($0) }
        return (result, requests)
    }

    @Test func versionsAreGroupedByPackageAndStatusWithTheirRevisions() throws {
        // 150 Published and 3 Unlisted versions of one package, interleaved, plus a package without statuses.
        var lines: [String] = []
        for v in 0..<150 { lines.append(line("a", "1.\(v).0", status: "Published", revision: "r\(v)")) }
        for v in 0..<3 { lines.insert(line("a", "0.\(v).0", status: "Unlisted"), at: v * 40) }
        lines.append(line("b", "1.0.0"))
        let (result, requests) = try plan(lines)
        #expect(requests.map(\.expectedStatus) == [.published, .published, .unlisted, nil])
        #expect(requests.map(\.versions.count) == [100, 50, 3, 1], "the fewest requests for the grouping")
        #expect(result.header.totals.packages == 2 && result.header.totals.requests == 4 && result.header.totals.versions == 154)
        // Revisions ride with their versions, in the versions' order; none where the rows named none.
        let first = requests[0]
        #expect(first.revisions?.count == 100)
        for (version, revision) in zip(first.versions, first.revisions ?? []) {
            #expect(revision == "r" + version.split(separator: ".")[1])
        }
        #expect(requests[2].revisions == nil && requests[3].revisions == nil)
        #expect(first.versionRevisions?.count == 100)
        #expect(result.header.operation == .archive)
    }

    @Test func theOverridesReplaceOrDropTheRowsPreconditions() throws {
        let lines = [line("a", "1.0.0", status: "Published", revision: "x"), line("a", "2.0.0", status: "Unlisted", revision: "y")]
        let (_, expected) = try plan(lines, preconditions: .expectedStatus(.archived))
        #expect(expected.map(\.expectedStatus) == [.archived])
        #expect(expected.first?.revisions == ["x", "y"], "--expected-status keeps the revisions")
        let (_, ignored) = try plan(lines, preconditions: .ignored)
        #expect(ignored.map(\.expectedStatus) == [nil] && ignored.first?.revisions == nil)
    }

    @Test func aVersionNamedWithTwoStatusesOrRevisionsIsRefusedNotGuessed() throws {
        #expect {
            _ = try plan([line("a", "1.0.0", status: "Published"), line("a", "1.0.0", status: "Archived")])
        } throws: { error in
            guard case PlanError.conflictingPreconditions(let conflicts) = error else { return false }
            return conflicts.count == 1 && conflicts[0].version == "1.0.0" && "\(error)".contains("--ignore-inventory-status")
        }
        #expect {
            _ = try plan([line("a", "1.0.0", status: "Published", revision: "x"), line("a", "1.0.0", status: "Published", revision: "y")])
        } throws: { error in
            guard case PlanError.conflictingPreconditions(let conflicts) = error else { return false }
            return "\(conflicts[0])".contains("revision x") && "\(conflicts[0])".contains("revision y")
        }
        // The same version twice with the same precondition is a duplicate, not a conflict.
        let (result, requests) = try plan([line("a", "1.0.0", status: "Published", revision: "x"),
                                           line("a", "1.0.0", status: "Published", revision: "x")])
        #expect(requests.count == 1 && result.header.totals.duplicates == 1)
    }

    @Test func thePlanFileCarriesPreconditionsAndBothReadersAgree() throws {
        let dir = try TemporaryDirectory()
        let (result, requests) = try plan([line("a", "1.0.0", status: "Archived", revision: "r1"), line("a", "2.0.0", status: "Archived"),
                                           line("b", "1.0.0")], operation: .restore)
        let path = dir.file("p.plan")
        let header = try PlanFile.write(result.header, requests: result.builder, to: path)
        let read = try PlanFile.read(path)
        #expect(read.header.operation == .restore && header.operation == .restore)
        #expect(Array(read.requests) == requests)
        #expect(read.requests[0].revisions == ["r1", ""])
        // The fast path and jansson read every request line the same.
        for request in requests {
            let line = PlanFile.encode(request)
            let fast = try line.withUnsafeBytes { try #require(PlanFile.decodeWritten($0)) }
            let slow = try PlanFile.decodeRequest(try JSONValue.parse(line), file: "p.plan", line: 2)
            #expect(fast == request && slow == request)
        }
        #expect(String(decoding: PlanFile.encode(requests[0]), as: UTF8.self).contains(#""package":"a","expectedStatus":"Archived","versions":["1.0.0","2.0.0"],"revisions":["r1",""]}"#))
    }
}
