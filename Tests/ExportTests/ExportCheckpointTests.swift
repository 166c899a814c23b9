@testable import Export
import Foundation
import TestSupport
import Testing

/// What a `kill -9` can leave in a checkpoint, and what reopening it makes of that.
@Suite struct ExportCheckpointTests {
    private func record(_ package: Int, _ versions: Int) -> ExportCheckpoint.PackageRecord {
        .init(repository: 0, package: package, end: 0, requests: 1, statuses: ["Published": versions], vanished: 0)
    }

    private func size(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    }

    private func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func rowsWrittenAfterTheLastRecordAndATornRecordAreCutAway() throws {
        let directory = try TemporaryDirectory("checkpoint")
        let output = directory.file("inv.jsonl")
        let scope = ExportScope(domain: "acme")
        do {
            let checkpoint = try ExportCheckpoint(output: output, scope: scope)
            try checkpoint.saveRepositories([.init(name: "r", domainOwner: "111122223333")])
            try checkpoint.savePackages([.init(rawFormat: "npm", namespace: nil, name: "a"), .init(rawFormat: "npm", namespace: nil, name: "b"),
                                         .init(rawFormat: "npm", namespace: nil, name: "c")], ofRepository: 0)
            try checkpoint.commit(rows: Array("{\"v\":1}\n{\"v\":2}\n".utf8), record(0, 2))
            try checkpoint.commit(rows: Array("{\"v\":3}\n".utf8), record(1, 1))
        }
        let state = output + ".export-state"
        // Killed while writing the third package: its rows half there, its record torn.
        try append("{\"v\":4}\n{\"v\"", to: state + "/rows.jsonl")
        try append("{\"repository\":0,\"package\":2,\"end\":", to: state + "/progress.jsonl")

        let reopened = try ExportCheckpoint(output: output, scope: scope)
        #expect(reopened.records.map(\.package) == [0, 1])
        #expect(reopened.records.map(\.end) == [16, 24])
        #expect(reopened.resumePoint == (0, 2))
        #expect(try reopened.packages(ofRepository: 0)?.map(\.name) == ["a", "b", "c"])
        #expect(reopened.repositories == [.init(name: "r", domainOwner: "111122223333")])
        #expect(try size(state + "/rows.jsonl") == 24)
        try reopened.commit(rows: Array("{\"v\":5}\n".utf8), record(2, 1))
        try reopened.finish(into: output)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "{\"v\":1}\n{\"v\":2}\n{\"v\":3}\n{\"v\":5}\n")
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func aDamagedRecordFollowedByOthersStopsWithTheFile() throws {
        let directory = try TemporaryDirectory("checkpoint")
        let output = directory.file("inv.jsonl")
        let scope = ExportScope(domain: "acme")
        do {
            let checkpoint = try ExportCheckpoint(output: output, scope: scope)
            try checkpoint.commit(rows: Array("{}\n".utf8), record(0, 1))
        }
        let progress = output + ".export-state/progress.jsonl"
        try append("garbage\n{\"repository\":0,\"package\":1,\"end\":3,\"requests\":1,\"statuses\":{}}\n", to: progress)
        #expect {
            _ = try ExportCheckpoint(output: output, scope: scope)
        } throws: { error in
            guard case ExportError.damagedCheckpoint(let file) = error else { return false }
            return file == progress
        }
    }

    @Test func anotherScopesCheckpointIsRefusedNotOverwritten() throws {
        let directory = try TemporaryDirectory("checkpoint")
        let output = directory.file("inv.jsonl")
        _ = try ExportCheckpoint(output: output, scope: ExportScope(domain: "acme", statuses: [.archived]))
        #expect {
            _ = try ExportCheckpoint(output: output, scope: ExportScope(domain: "acme"))
        } throws: { error in
            guard case ExportError.foreignCheckpoint = error else { return false }
            return "\(error)".contains("delete the directory")
        }
        // The same scope, with its sets in another order, is the same export.
        _ = try ExportCheckpoint(output: output, scope: ExportScope(domain: "acme", statuses: [.archived]))
    }
}
