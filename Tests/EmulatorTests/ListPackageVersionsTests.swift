import Emulator
import Foundation
import SigV4
import Testing

@Suite struct ListPackageVersionsTests {
    let fixture = EmulatorFixture()

    private func versions(_ answer: Answer) -> [String] {
        (answer.json["versions"] as? [[String: Any]] ?? []).compactMap { $0["version"] as? String }
    }

    @Test func pagesThroughExistingVersionsInInventoryOrder() throws {
        let rows = EmulatorFixture.rows((0..<25).map { ("1.0.\($0)", $0 == 3 ? "Unlisted" : nil) })
        let core = try EmulatorFixture.core(rows)
        _ = core.handle(fixture.delete(["1.0.0"]))
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            var extra = [QueryParameter("max-results", "10")]
            if let token { extra.append(QueryParameter("next-token", token)) }
            let answer = try #require(Answer(core.handle(fixture.list(extra))))
            #expect(answer.status == 200)
            #expect(answer.json["package"] as? String == "node")
            #expect(answer.json["namespace"] as? String == "types")
            seen += versions(answer)
            token = answer.json["nextToken"] as? String
            pages += 1
        } while token != nil && pages < 10
        #expect(pages == 3)
        #expect(seen == (1..<25).map { "1.0.\($0)" })
    }

    @Test func statusFilter() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil), ("2", "Unlisted"), ("3", "Unlisted")]))
        let answer = try #require(Answer(core.handle(fixture.list([QueryParameter("status", "Unlisted")]))))
        #expect(versions(answer) == ["2", "3"])
        let deleted = try #require(Answer(core.handle(fixture.list([QueryParameter("status", "Deleted")]))))
        #expect(versions(deleted).isEmpty)
    }

    @Test(arguments: [
        ([QueryParameter("max-results", "0")], "at 'maxResults'"),
        ([QueryParameter("max-results", "1001")], "at 'maxResults'"),
        ([QueryParameter("status", "Gone")], "at 'status'"),
        ([QueryParameter("next-token", "forged")], "at 'nextToken'"),
    ])
    func invalidMembers(extra: [QueryParameter], mentions: String) throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let answer = try #require(Answer(core.handle(fixture.list(extra))))
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains(mentions), "\(answer.message)")
    }

    @Test func unknownPackageIsResourceNotFound() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let answer = try #require(Answer(core.handle(fixture.list(query: EmulatorFixture.query(package: "react")))))
        #expect(answer.status == 404)
        #expect(answer.json["resourceType"] as? String == "package")
    }
}
