@testable import Emulator
import Foundation
import JSONLines
import Model
import Testing

/// Pins `BatchAnswer.body`: successes then failures, in request order, each version once,
/// `NOT_FOUND` naming the version and package, and every string escaped.
@Suite struct BatchAnswerTests {
    let fixture = EmulatorFixture()

    /// The answer's raw text, where a repeated member would show (a JSON parser keeps one).
    func body(_ outcome: EmulatorOutcome) throws -> String {
        guard case .respond(let response) = outcome.action else { throw AnswerMissing() }
        return String(decoding: response.body, as: UTF8.self)
    }

    struct AnswerMissing: Error {}

    @Test func repeatedVersionsAreAnsweredOnce() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1.0.0", nil), ("2.0.0", nil)]))
        let first = core.handle(fixture.delete(["1.0.0", "9.9.9", "1.0.0", "9.9.9", "2.0.0", "2.0.0"]))
        let text = try body(first)
        #expect(text.components(separatedBy: "\"1.0.0\":").count == 2)
        #expect(text.components(separatedBy: "\"9.9.9\":").count == 2)
        #expect(text.components(separatedBy: "\"2.0.0\":").count == 2)
        #expect(first.logEntry.outcomes.map(\.version) == ["1.0.0", "2.0.0", "9.9.9"])
        #expect(core.inventory.snapshot().allSatisfy { $0.deletes == 1 })

        // Deleted versions are absent now, and still answered once.
        let again = try body(core.handle(fixture.delete(["2.0.0", "1.0.0", "2.0.0"])))
        #expect(again.components(separatedBy: "\"2.0.0\":").count == 2)
        let answer = try #require(Answer(core.handle(fixture.delete(["2.0.0", "2.0.0"]))))
        #expect(answer.failed["2.0.0"]?["errorCode"] == "NOT_FOUND")

        // An unknown package has no versions; repeats are still answered once.
        let unknown = try body(core.handle(fixture.delete(["1", "1"], query: EmulatorFixture.query(package: "react"))))
        #expect(unknown.components(separatedBy: "\"1\":").count == 2)
    }

    @Test func notFoundNamesTheVersionAndPackage() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1.0.0", nil)]))
        let answer = try #require(Answer(core.handle(fixture.delete(["9.9.9"]))))
        #expect(answer.failed["9.9.9"]?["errorMessage"] == "Version 9.9.9 of package acme/npm-store/npm/types/node not found")
    }

    @Test func versionsAreEscaped() throws {
        let odd = ["a\"b", "c\\d", "é\u{1}"]
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("a\"b", nil), ("é\u{1}", "Unlisted")]))
        let list = odd.map { version in
            var json = JSONWriter()
            json.string(version)
            return String(decoding: json.bytes, as: UTF8.self)
        }.joined(separator: ",")
        let request = fixture.signed(path: "/v1/package/versions/delete", query: EmulatorFixture.query(),
                                     body: "{\"versions\":[\(list)],\"expectedStatus\":\"Published\"}")
        let answer = try #require(Answer(core.handle(request)))
        #expect(answer.status == 200)
        #expect(answer.successful["a\"b"]?["status"] == "Deleted")
        #expect(answer.failed["c\\d"]?["errorMessage"] == "Version c\\d of package acme/npm-store/npm/types/node not found")
        #expect(answer.failed["é\u{1}"]?["errorCode"] == "MISMATCHED_STATUS")
    }

    @Test func successesThenFailuresEachInRequestOrder() throws {
        let package = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "left-pad")
        let body = BatchAnswer.body(package: package, outcomes: [
            ("3", .failed(.skipped, message: "version 3 is skipped")),
            ("2", .succeeded(revision: "R2", status: .archived)),
            ("1", .notFound),
            ("0", .succeeded(revision: "R0", status: .deleted)),
        ])
        #expect(String(decoding: body, as: UTF8.self) == #"{"successfulVersions":{"2":{"revision":"R2","status":"Archived"},"#
            + #""0":{"revision":"R0","status":"Deleted"}},"failedVersions":{"3":{"errorCode":"SKIPPED","errorMessage":"#
            + #""version 3 is skipped"},"1":{"errorCode":"NOT_FOUND","errorMessage":"Version 1 of package acme/npm-store/npm/left-pad not found"}}}"#)
        #expect(String(decoding: BatchAnswer.body(package: package, outcomes: []), as: UTF8.self)
            == #"{"successfulVersions":{},"failedVersions":{}}"#)
    }

    @Test func everyNotFoundMessageNamesItsOwnVersion() throws {
        let package = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "p")
        let versions = (0..<20).map { String(repeating: "v", count: $0 + 1) }
        let body = BatchAnswer.body(package: package, outcomes: versions.map { ($0, VersionAnswer.notFound) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: [String: [String: String]]])
        for version in versions {
            #expect(object["failedVersions"]?[version]?["errorMessage"] == "Version \(version) of package acme/npm-store/npm/p not found")
        }
    }
}
