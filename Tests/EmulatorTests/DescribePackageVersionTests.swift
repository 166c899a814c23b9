import CodeArtifact
import Emulator
import Foundation
import JSONLines
import Manifest
import Model
import SigV4
import Testing

@Suite(.timeLimit(.minutes(1))) struct DescribePackageVersionTests {
    let fixture = EmulatorFixture()
    static let node = PackageKey(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node")

    /// The inventory row of DESIGN.md, with every inventory member, plus a row with none.
    static let inventoryLines = """
        {"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"18.11.9","status":"Unlisted","revision":"REVISION-18.11.9","origin":"EXTERNAL","publishedTime":"2024-05-02T10:11:12.345Z","defaultDisplayVersion":true}
        {"domain":"acme","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"20.0.0"}

        """

    static func inventoryFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("describe-\(UUID()).jsonl").path
        try Data(inventoryLines.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func describesWhatTheInventoryRowSays() async throws {
        let path = try Self.inventoryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inventory = try Inventory.load(path: path)
        let rows = inventory.snapshot()
        #expect(rows.map(\.revision).first == "REVISION-18.11.9")
        try await ClientHarness.with(rows: try Self.rows(path)) { harness in
            let described = try await harness.client.send(DescribePackageVersion(package: Self.node, version: "18.11.9"))
            #expect(described == PackageVersionDescription(version: "18.11.9", revision: "REVISION-18.11.9", status: "Unlisted",
                                                           publishedTime: 1_714_644_672.345, originType: "EXTERNAL"))
            // A row without inventory members: Published, INTERNAL, the computed revision, and a
            // synthetic time after the package's latest (a minute later).
            let plain = try await harness.client.send(DescribePackageVersion(package: Self.node, version: "20.0.0"))
            #expect(plain.status == "Published")
            #expect(plain.originType == "INTERNAL")
            #expect(plain.publishedTime == 1_714_644_732.345)
            #expect(plain.revision == harness.inventory.snapshot().last?.revision)
            #expect(plain.revision?.count == 16)
            let listed = try await harness.client.send(ListPackageVersions(package: Self.node))
            #expect(listed.result.defaultDisplayVersion == "18.11.9")
        }
    }

    static func rows(_ path: String) throws -> [ManifestRow] {
        var rows: [ManifestRow] = []
        _ = try ManifestScanner().scan([InputFile(path)], transform: { $0 }) { batch in rows.append(contentsOf: batch.partial) }
        return rows
    }

    @Test func answersEveryMemberOfTheModel() throws {
        let rows = [
            ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node", version: "1.0.0"),
            ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node", version: "2.0.0",
                        status: .archived, origin: .external),
            ManifestRow(domain: "acme", repository: "npm-store", format: .maven, namespace: "org.apache", package: "commons",
                        version: "3.1", origin: .unknown),
        ]
        let core = try EmulatorFixture.core(rows)
        let outcome = core.handle(fixture.describe("1.0.0"))
        let answer = try #require(Answer(outcome))
        #expect(answer.status == 200)
        let described = try #require(answer.json["packageVersion"] as? [String: Any])
        #expect(described["format"] as? String == "npm")
        #expect(described["namespace"] as? String == "types")
        #expect(described["packageName"] as? String == "node")
        #expect(described["displayName"] as? String == "@types/node")
        #expect(described["version"] as? String == "1.0.0")
        #expect(described["status"] as? String == "Published")
        // The first version without a time: a minute after the emulator's epoch, 2020-01-01.
        #expect(described["publishedTime"] as? Double == 1_577_836_860)
        #expect(described["revision"] as? String == core.inventory.snapshot().first { $0.version == "1.0.0" }?.revision)
        let origin = try #require(described["origin"] as? [String: Any])
        #expect(origin["originType"] as? String == "INTERNAL")
        #expect(origin["domainEntryPoint"] as? [String: String] == ["repositoryName": "npm-store"])
        #expect(outcome.logEntry.operation == "DescribePackageVersion")
        #expect(outcome.logEntry.package == Self.node)
        #expect(outcome.logEntry.versions == ["1.0.0"])

        let external = try #require(Answer(core.handle(fixture.describe("2.0.0"))))
        let externalVersion = try #require(external.json["packageVersion"] as? [String: Any])
        #expect(externalVersion["status"] as? String == "Archived")
        #expect(externalVersion["publishedTime"] as? Double == 1_577_836_920)
        #expect((externalVersion["origin"] as? [String: Any])?["domainEntryPoint"] as? [String: String]
            == ["externalConnectionName": "public:npmjs"])

        let maven = try #require(Answer(core.handle(fixture.describe(
            "3.1", query: EmulatorFixture.query(format: "maven", namespace: "org.apache", package: "commons")))))
        let mavenVersion = try #require(maven.json["packageVersion"] as? [String: Any])
        #expect(mavenVersion["displayName"] as? String == "commons")
        #expect(mavenVersion["origin"] as? [String: String] == ["originType": "UNKNOWN"])
    }

    @Test func unknownAndDeletedVersionsAreResourceNotFound() async throws {
        let rows = EmulatorFixture.rows([("1.0.0", nil), ("2.0.0", nil)])
        try await ClientHarness.with(rows: rows) { harness in
            let unknown = try #require(try await harness.error(DescribePackageVersion(package: Self.node, version: "9.9.9")))
            #expect(unknown.type == .resourceNotFound)
            #expect(unknown.httpStatus == 404)
            #expect(unknown.message == "Package version 9.9.9 of package acme/npm-store/npm/types/node not found")
            _ = try await harness.client.send(DeletePackageVersions(package: Self.node, versions: ["2.0.0"]))
            let deleted = try #require(try await harness.error(DescribePackageVersion(package: Self.node, version: "2.0.0")))
            #expect(deleted.type == .resourceNotFound)
            #expect(deleted.message?.contains("2.0.0") == true)
            var react = Self.node
            react.package = "react"
            let package = try #require(try await harness.error(DescribePackageVersion(package: react, version: "1.0.0")))
            #expect(package.type == .resourceNotFound)
            var elsewhere = Self.node
            elsewhere.repository = "pypi-store"
            let repository = try #require(try await harness.error(DescribePackageVersion(package: elsewhere, version: "1.0.0")))
            #expect(repository.message == "Repository pypi-store not found in domain acme")
        }
        let core = try EmulatorFixture.core(rows)
        let answer = try #require(Answer(core.handle(fixture.describe("9.9.9"))))
        #expect(answer.json["resourceType"] as? String == "package-version")
        #expect(answer.json["resourceId"] as? String == "9.9.9")
    }

    @Test func validatesAsTheModelSays() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1.0.0", nil)]))
        let missing = try #require(Answer(core.handle(fixture.describe(nil))))
        #expect(missing.errorType == "ValidationException")
        #expect(missing.message == "1 validation error detected: Value null at 'packageVersion' failed to satisfy constraint: "
            + "Member must not be null")
        let slash = try #require(Answer(core.handle(fixture.describe("1/0"))))
        #expect(slash.message.contains("Value '1/0' at 'packageVersion' failed to satisfy constraint"), "\(slash.message)")
        let pypi = try #require(Answer(core.handle(fixture.describe("1.0.0", query: EmulatorFixture.query(format: "pypi")))))
        #expect(pypi.message.contains("namespace must be absent for pypi"), "\(pypi.message)")
    }

    @Test func isRoutedByMethodAndPath() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1.0.0", nil)]))
        let query = EmulatorFixture.query(extra: [QueryParameter("version", "1.0.0")])
        let post = try #require(Answer(core.handle(fixture.signed(method: "POST", path: "/v1/package/version", query: query))))
        #expect(post.errorType == "UnknownOperationException")
        let getList = try #require(Answer(core.handle(fixture.signed(method: "GET", path: "/v1/package/versions", query: query))))
        #expect(getList.errorType == "UnknownOperationException")
        let get = try #require(Answer(core.handle(fixture.signed(method: "GET", path: "/v1/package/version/", query: query))))
        #expect(get.status == 200)
    }
}
