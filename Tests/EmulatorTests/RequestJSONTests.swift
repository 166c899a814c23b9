@testable import Emulator
import Testing

@Suite struct RequestJSONTests {
    @Test func parsesTheShapesOfRequestBodies() throws {
        let value = try RequestJSON.parse(Array(#" {"versions":["1.0","a\"b\\c\u00e9\ud83d\ude00"],"n":-1.5e2,"t":true,"f":false,"z":null,"o":{}} "#.utf8))
        let members = try #require(value.object)
        #expect(members["versions"] == .array([.string("1.0"), .string("a\"b\\cé😀")]))
        #expect(members["n"] == .number(-150))
        #expect(members["t"] == .bool(true))
        #expect(members["f"] == .bool(false))
        #expect(members["z"] == .null)
        #expect(members["o"] == .object([:]))
    }

    @Test(arguments: ["", "{", "{\"a\"}", "[1,]", "{\"a\":1}x", "\"\\x\"", "\"\\ud800\"", "01x", "[\"a\nb\"]",
                      String(repeating: "[", count: 100) + String(repeating: "]", count: 100)])
    func refusesMalformedDocuments(text: String) {
        #expect(throws: JSONSyntaxError.self) { try RequestJSON.parse(Array(text.utf8)) }
    }
}
