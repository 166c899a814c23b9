@testable import Emulator
import Model
import SigV4
import Testing

/// How the emulator reads a delete's JSON body (jansson, through JSONLines) into the service's answers.
@Suite struct RequestBodyTests {
    func decode(_ body: String, _ operation: Operation = .deletePackageVersions) -> Result<PackageVersionsInput, ServiceException> {
        PackageVersionsInput.decode(operation, query: EmulatorFixture.query(), body: Array(body.utf8))
    }

    func refusal(_ body: String) -> ServiceException? {
        if case .failure(let error) = decode(body) { return error }
        return nil
    }

    @Test func readsTheShapesOfRequestBodies() throws {
        let input = try decode(#" {"versions":["1.0","a\"b\\c\u00e9\ud83d\ude00"],"n":-1.5e2,"t":true,"f":false,"z":null,"o":{}} "#).get()
        #expect(input.versions == ["1.0", "a\"b\\cé😀"])
        #expect(input.expectedStatus == nil)
        #expect(input.target.package == "node")
        #expect(try decode(#"{"versions":[],"expectedStatus":"Archived"}"#).get().expectedStatus == .archived)
        #expect(try decode(#"{"versions":[],"expectedStatus":null}"#).get().expectedStatus == nil)
        // A repeated member keeps its last value, as the service's parser does.
        #expect(try decode(#"{"versions":["1"],"versions":["2"]}"#).get().versions == ["2"])
    }

    @Test(arguments: ["{", "{\"a\"}", "[1,]", "{\"a\":1}x", "\"\\x\"", "\"\\ud800\"", "01x", "[\"a\nb\"]", "\u{FF}",
                      "[]", "\"versions\"", "null",
                      String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
                      String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)])
    func refusesBodiesThatAreNotJSONObjects(body: String) {
        let error = refusal(body)
        #expect(error?.type == .validation, "\(body.prefix(20))")
        #expect(error?.reason == "CANNOT_PARSE", "\(body.prefix(20))")
    }

    @Test(arguments: [
        ("", "Value null at 'versions' failed to satisfy constraint: Member must not be null"),
        (" \n", "Value null at 'versions' failed to satisfy constraint: Member must not be null"),
        (#"{"versions":"1"}"#, "Member must be a list, not a string"),
        (#"{"versions":{}}"#, "Member must be a list, not an object"),
        (#"{"versions":[["1"]]}"#, "at 'versions.1.member' failed to satisfy constraint: Member must be a string, not a list"),
        (#"{"versions":["1",2,true]}"#, "at 'versions.3.member' failed to satisfy constraint: Member must be a string, not a boolean"),
        (#"{"versions":[],"expectedStatus":1}"#, "at 'expectedStatus' failed to satisfy constraint: Member must be a string, not a number"),
    ])
    func namesTheMemberAndItsKind(body: String, mentions: String) throws {
        let error = try #require(refusal(body))
        #expect(error.reason == "FIELD_VALIDATION_FAILED")
        #expect(error.message.contains(mentions), "\(error.message)")
    }
}
