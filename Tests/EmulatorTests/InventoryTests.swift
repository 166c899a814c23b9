@testable import Emulator
import Foundation
import Manifest
import Model
import Testing

@Suite struct InventoryTests {
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inventory-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func loadsRowsWithOptionalStatus() throws {
        let path = try temporaryFile("inventory.jsonl", """
            {"domain":"acme","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"1","status":"Unlisted","revision":"x"}
            {"domain":"acme","domainOwner":"444455556666","repository":"npm-store","format":"npm","package":"lodash","version":"4"}

            """)
        let inventory = try Inventory.load(path: path)
        #expect(inventory.versionCount == 2)
        #expect(inventory.countsByStatus() == ["Unlisted": 1, "Published": 1])
        // The first row's domain fixes the owner: the caller's account.
        #expect(Set(inventory.snapshot().map(\.package.domainOwner)) == ["111122223333"])
    }

    @Test func refusesInvalidLinesAndStatuses() throws {
        let invalid = try temporaryFile("bad.jsonl", "{\"domain\":\"acme\",\"repository\":\"r1\",\"format\":\"rpm\",\"package\":\"p\",\"version\":\"1\"}\n")
        #expect(throws: EmulatorFileError.self) { try Inventory.load(path: invalid) }
        let status = try temporaryFile("status.jsonl", "{\"domain\":\"acme\",\"repository\":\"r1\",\"format\":\"pypi\",\"package\":\"p\",\"version\":\"1\",\"status\":\"Gone\"}\n")
        #expect { try Inventory.load(path: status) } throws: { error in
            "\(error)".contains("status \"Gone\" is not one of Published")
        }
        #expect(throws: EmulatorFileError.self) { try Inventory.load(path: "/nonexistent/inventory.jsonl") }
    }

    @Test func seedsFromAManifestPlusExtraVersions() throws {
        let path = try temporaryFile("manifest.jsonl", """
            {"domain":"acme","repository":"r1","format":"pypi","package":"a","version":"1"}
            {"domain":"acme","repository":"r1","format":"pypi","package":"b","version":"1"}
            {"domain":"acme","repository":"r1","format":"pypi","package":"a","version":"2"}

            """)
        let inventory = try Inventory.seeded(fromManifest: path, extraVersions: 5)
        #expect(inventory.versionCount == 8)
        let extras = inventory.snapshot().filter { $0.version.hasPrefix("0.0.0-extra.") }
        #expect(extras.count == 5)
        #expect(Set(extras.map(\.package.package)) == ["a", "b"])
    }

    @Test func writesTheStateFile() throws {
        let inventory = Inventory()
        inventory.add(ManifestRow(domain: "acme", repository: "r1", format: .pypi, package: "p", version: "1"))
        let path = try temporaryFile("state.jsonl", "")
        try inventory.writeState(to: path)
        let line = try #require(String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "Published")
        #expect(object["deletes"] as? Int == 0)
        #expect(object["changes"] as? Int == 0)
        #expect(object["version"] as? String == "1")
        #expect(object["domainOwner"] as? String == "111122223333")
        // Written whole under its name: nothing is left beside it.
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func extraVersionsTakeNothingFromTheirTemplates() throws {
        let path = try temporaryFile("manifest.jsonl", """
            {"domain":"acme","repository":"r1","format":"pypi","package":"a","version":"1","status":"Archived","revision":"R1","origin":"EXTERNAL","publishedTime":"2024-01-01T00:00:00Z","defaultDisplayVersion":true}

            """)
        let inventory = try Inventory.seeded(fromManifest: path, extraVersions: 2)
        let states = inventory.snapshot()
        #expect(states.map(\.status) == ["Archived", "Published", "Published"])
        #expect(states.map(\.revision).filter { $0 == "R1" }.count == 1)
        let package = PackageKey(domain: "acme", repository: "r1", format: .pypi, package: "a")
        let page = try #require(inventory.versionPage(of: package, sortBy: .publishedTime, start: nil, limit: 10) { _ in true })
        // The flagged row keeps the flag; the extras are published after it, in order.
        #expect(page.defaultDisplayVersion == "1")
        #expect(page.versions.map(\.0) == ["0.0.0-extra.1", "0.0.0-extra.0", "1"])
        #expect(page.versions.map(\.1.origin) == [.internal, .internal, .external])
    }
}
