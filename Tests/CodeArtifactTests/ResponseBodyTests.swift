@testable import CodeArtifact
import Model
import Testing

/// Pins `ResponseBody`: an empty body is no object, anything but an object is refused, string
/// members are absent, `null` or strings, and batch request bodies are written reproducibly.
@Suite struct ResponseBodyTests {
    private func reason(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return (error as? ResponseBody.Failure)?.reason ?? "\(error)" }
        return nil
    }

    @Test func theTopLevelObject() throws {
        #expect(try ResponseBody.object([]) == nil)
        #expect(try ResponseBody.object(Array(#"{"a":"b"}"#.utf8))?["a"]?.stringValue == "b")
        #expect(reason { _ = try ResponseBody.object(Array("[1]".utf8)) } == "the body is not a JSON object")
        #expect(reason { _ = try ResponseBody.object(Array("{".utf8)) } != nil)
    }

    @Test func stringMembers() throws {
        let object = try #require(try ResponseBody.object(Array(#"{"s":"x","n":null,"i":1}"#.utf8)))
        #expect(try ResponseBody.string(object["s"], "s") == "x")
        #expect(try ResponseBody.string(object["n"], "n") == nil)
        #expect(try ResponseBody.string(object["missing"], "missing") == nil)
        #expect(reason { _ = try ResponseBody.string(object["i"], "a.b.i") } == "a.b.i is not a string")
    }

    @Test func batchRequestBodiesAreReproducible() {
        let body = ResponseBody.versionsRequest(versions: ["2", "1"], versionRevisions: ["b": "2", "a": "1", "c\"": "3"],
                                                expectedStatus: .published, targetStatus: .archived)
        #expect(String(decoding: body, as: UTF8.self)
            == #"{"expectedStatus":"Published","targetStatus":"Archived","versionRevisions":{"a":"1","b":"2","c\"":"3"},"versions":["2","1"]}"#)
        #expect(String(decoding: ResponseBody.versionsRequest(versions: []), as: UTF8.self) == #"{"versions":[]}"#)
    }
}
