@testable import Report
import JSONLines
import Testing

/// Pins the re-indenter: two spaces, one member per line, empty containers kept on one line,
/// strings untouched, and the same document afterwards.
@Suite struct JSONIndenterTests {
    static func indent(_ text: String) -> String {
        String(decoding: JSONIndenter.indent(Array(text.utf8)), as: UTF8.self)
    }

    @Test func oneMemberPerLineTwoSpacesADepth() {
        #expect(Self.indent(#"{"a":1,"b":[true,null],"c":{"d":"e"}}"#) == """
            {
              "a": 1,
              "b": [
                true,
                null
              ],
              "c": {
                "d": "e"
              }
            }

            """)
    }

    @Test func emptyContainersStayOnOneLine() {
        #expect(Self.indent(#"{"a":{},"b":[],"c":[{}]}"#) == "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {}\n  ]\n}\n")
        #expect(Self.indent("[]") == "[]\n")
    }

    @Test func stringsAreLeftAsTheyAre() {
        let text = #"{"s{[,:]}":"a,b:{c}[d] \"e\" \\","t":"\\"}"#
        #expect(Self.indent(text) == "{\n  \"s{[,:]}\": \"a,b:{c}[d] \\\"e\\\" \\\\\",\n  \"t\": \"\\\\\"\n}\n")
    }

    @Test func theDocumentIsTheSameAfterwards() throws {
        var w = JSONWriter()
        w.beginObject()
        w.member("quote\"d", "line\nbreak, {x}: [y]")
        w.key("list")
        w.beginArray()
        for i in 0..<5 { w.int(i) }
        w.beginObject()
        w.endObject()
        w.double(-1.5)
        w.endArray()
        w.endObject()
        let indented = JSONIndenter.indent(w.bytes)
        #expect(try JSONValue.parse(indented) == JSONValue.parse(w.bytes))
        #expect(indented.filter { $0 != 0x20 && $0 != 0x0A } == w.bytes.filter { $0 != 0x20 && $0 != 0x0A })
    }
}
