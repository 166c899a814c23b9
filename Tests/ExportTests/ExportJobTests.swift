import Emulator
import Export
import Foundation
import JSONLines
import Manifest
import Model
import TestSupport
import Testing

/// An export against the emulator writes exactly what the emulator holds, in the export's order.
@Suite struct ExportJobTests {
    @Test func exportEqualsTheEmulatorsStateInPublishOrder() async throws {
        let fixture = ExportFixture(packages: 12, versions: 9)
        let directory = try TemporaryDirectory("export")
        let emulator = try await RunningEmulator.start(rows: fixture.rows)
        let path = directory.file("inventory.jsonl.zst")
        let summary = try await ExportFixture.export(emulator, scope: ExportScope(domain: "acme"), to: path)
        await emulator.stop()

        let expected = fixture.expectedLines(publishedTime: false)
        let written = try ExportFixture.readLines(path)
        #expect(written.count == expected.count)
        #expect(written == expected)
        #expect(summary.complete)
        #expect(summary.repositories.map(\.name) == ["maven-store", "npm-store", "py-store"])
        #expect(summary.packages == 36)
        #expect(summary.versions == 36 * 9)
        #expect(summary.statuses == Dictionary(grouping: expected, by: { $0["status"]! }).mapValues(\.count))
        // Nothing is left beside the inventory.
        #expect(!FileManager.default.fileExists(atPath: path + ".export-state"))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func publishedTimeStatusAndRepositoryFilters() async throws {
        let fixture = ExportFixture(packages: 4, versions: 6, seed: 3)
        let directory = try TemporaryDirectory("export")
        let emulator = try await RunningEmulator.start(rows: fixture.rows)
        let path = directory.file("inventory.jsonl")
        let scope = ExportScope(domain: "acme", repositories: ["py-store", "npm-store"], statuses: [.archived, .unlisted],
                                publishedTime: true)
        let summary = try await ExportFixture.export(emulator, scope: scope, to: path, concurrency: 3)
        await emulator.stop()

        let expected = fixture.expectedLines(publishedTime: true, statuses: [.archived, .unlisted],
                                             repositories: ["py-store", "npm-store"])
        #expect(!expected.isEmpty)
        #expect(try ExportFixture.readLines(path) == expected)
        // One description per exported version, each counted.
        #expect(summary.describeRequests == expected.count)
        #expect(Set(summary.statuses.keys).isSubset(of: ["Archived", "Unlisted"]))
    }

    @Test func pagesOfAThousandAreFollowedToTheEnd() async throws {
        // 2,500 versions of one package and 1,100 packages in one repository: several pages each.
        var rows: [ManifestRow] = []
        for i in 0..<2_500 {
            rows.append(ManifestRow(domain: "big", domainOwner: ExportFixture.owner, repository: "repo", format: .pypi, package: "huge",
                                    version: "1.0.\(i)", status: .published, revision: "R\(i)",
                                    publishedTime: Timestamp(millisecondsSinceEpoch: 1_600_000_000_000 + Int64(i) * 1000)))
        }
        for p in 0..<1_100 {
            rows.append(ManifestRow(domain: "big", domainOwner: ExportFixture.owner, repository: "repo", format: .pypi,
                                    package: "p\(p)", version: "1.0", status: .published, revision: "X",
                                    publishedTime: Timestamp(millisecondsSinceEpoch: 1_600_000_000_000)))
        }
        let directory = try TemporaryDirectory("export")
        let emulator = try await RunningEmulator.start(rows: rows)
        let path = directory.file("big.jsonl")
        let summary = try await ExportFixture.export(emulator, scope: ExportScope(domain: "big"), to: path)
        await emulator.stop()
        let lines = try ExportFixture.readLines(path)
        #expect(summary.packages == 1_101)
        #expect(lines.count == 3_600)
        let huge = lines.filter { $0["package"] == "huge" }
        #expect(huge.map { $0["version"]! } == (0..<2_500).map { "1.0.\($0)" })
        #expect(huge.map { $0["publishRank"]! } == (1...2_500).map(String.init))
        #expect(Set(lines.map { $0["package"]! }).count == 1_101)
    }

    @Test func unknownDomainAndRepositoryAreRefusedWithWhatToDo() async throws {
        let fixture = ExportFixture(packages: 1, versions: 2)
        let directory = try TemporaryDirectory("export")
        let emulator = try await RunningEmulator.start(rows: fixture.rows)
        let path = directory.file("inventory.jsonl")
        await #expect {
            _ = try await ExportFixture.export(emulator, scope: ExportScope(domain: "nosuch"), to: path)
        } throws: { error in
            guard case ExportError.unknownDomain(let domain, _) = error else { return false }
            return domain == "nosuch" && "\(error)".contains("--domain")
        }
        let other = directory.file("other.jsonl")
        await #expect {
            _ = try await ExportFixture.export(emulator, scope: ExportScope(domain: "acme", repositories: ["npm-store", "gone"]), to: other)
        } throws: { error in
            guard case ExportError.unknownRepositories(let names, _) = error else { return false }
            return names == ["gone"] && "\(error)".contains("--repository")
        }
        await emulator.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: other))
        // Nothing to resume, so no state is left either.
        #expect(!FileManager.default.fileExists(atPath: path + ".export-state"))
        #expect(!FileManager.default.fileExists(atPath: other + ".export-state"))
    }

    @Test func aStoppedExportResumesToTheSameBytes() async throws {
        let fixture = ExportFixture(packages: 30, versions: 5, seed: 9)
        let directory = try TemporaryDirectory("export")
        let emulator = try await RunningEmulator.start(rows: fixture.rows)
        let whole = directory.file("whole.jsonl.zst")
        _ = try await ExportFixture.export(emulator, scope: ExportScope(domain: "acme"), to: whole, concurrency: 4)

        let resumed = directory.file("resumed.jsonl.zst")
        // Stopped at once: repositories and packages listed, few or no versions.
        let stop = ExportStop()
        stop.request()
        let first = try await ExportFixture.export(emulator, scope: ExportScope(domain: "acme"), to: resumed, stop: stop)
        #expect(!first.complete)
        #expect(!FileManager.default.fileExists(atPath: resumed))
        #expect(FileManager.default.fileExists(atPath: resumed + ".export-state"))
        // A different scope does not take over another export's checkpoint.
        await #expect(throws: ExportError.self) {
            _ = try await ExportFixture.export(emulator, scope: ExportScope(domain: "acme", publishedTime: true), to: resumed)
        }
        let second = try await ExportFixture.export(emulator, scope: ExportScope(domain: "acme"), to: resumed, concurrency: 2)
        await emulator.stop()
        #expect(second.complete)
        #expect(second.packages == 90)
        #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == Data(contentsOf: URL(fileURLWithPath: whole)))
    }
}
