import Testing
import JSONLines

@Suite struct JSONWriterTests {
    @Test func escapesAndRoundTripsThroughJansson() throws {
        let tricky = "quote\" backslash\\ newline\n tab\t nul\u{0} bell\u{7} unicode é 名 😀"
        var w = JSONWriter()
        w.beginObject()
        w.member("s", tricky)
        w.member("n", 42)
        w.member("none", nil as String?)
        w.key("list")
        w.beginArray()
        w.string("a")
        w.bool(true)
        w.endArray()
        w.endObject()
        let value = try JSONValue.parse(w.bytes)
        let object = try #require(value.objectValue)
        #expect(object["s"]?.stringValue == tricky)
        #expect(object["n"]?.intValue == 42)
        #expect(object["none"]?.isNull == true)
        #expect(object["list"] == .array([.string("a"), .bool(true)]))
        #expect(object.members.map(\.0) == ["s", "n", "none", "list"])
    }
}
