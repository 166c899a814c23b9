import JSONLines
import Testing

/// Pins `JSONValue`: what jansson's parse becomes, member order kept, and the typed accessors'
/// answers for every kind, integral reals included.
@Suite struct JSONValueTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    @Test func everyKindParses() throws {
        #expect(try Self.parse("null") == .null)
        #expect(try Self.parse("true") == .bool(true))
        #expect(try Self.parse("false") == .bool(false))
        #expect(try Self.parse("-12") == .integer(-12))
        #expect(try Self.parse("1.5") == .number(1.5))
        #expect(try Self.parse(#""a\"b\u00e9\ud83d\ude00""#) == .string("a\"bé😀"))
        #expect(try Self.parse(#"[1,"x",[],{}]"#) == .array([.integer(1), .string("x"), .array([]), .object(JSONObject())]))
        #expect(try Self.parse(" \n{ \"a\" : [ null ] }\t") == .object(JSONObject([("a", .array([.null]))])))
    }

    @Test func objectsKeepTheirMembersInDocumentOrder() throws {
        let object = try #require(try Self.parse(#"{"z":1,"a":2,"m":{"y":true,"b":false}}"#).objectValue)
        #expect(object.members.map(\.0) == ["z", "a", "m"])
        #expect(object["m"]?.objectValue?.members.map(\.0) == ["y", "b"])
        #expect(object["a"] == .integer(2))
        #expect(object["absent"] == nil)
        // Equality follows that order.
        #expect(try Self.parse(#"{"a":1,"b":2}"#) != Self.parse(#"{"b":2,"a":1}"#))
        #expect(try Self.parse(#"{"a":1,"b":2}"#) == Self.parse(#" {"a" :1, "b":2 } "#))
    }

    @Test func integersComeFromIntegersAndFromWholeReals() throws {
        #expect(try Self.parse("42").intValue == 42)
        #expect(try Self.parse("2.0").intValue == 2)
        #expect(try Self.parse("-3e2").intValue == -300)
        #expect(try Self.parse("2.5").intValue == nil)
        // Reals past 9e15 no longer hold every integer exactly.
        #expect(try Self.parse("1e16").intValue == nil)
        #expect(try Self.parse("8e15").intValue == 8_000_000_000_000_000)
        #expect(try Self.parse(#""42""#).intValue == nil)
        #expect(try Self.parse("true").intValue == nil)
        #expect(try Self.parse("9223372036854775807").intValue == Int.max)
    }

    @Test func accessorsAnswerOnlyForTheirKind() throws {
        let values = try ["null", "true", "7", "7.25", #""s""#, "[1]", #"{"k":1}"#].map(Self.parse)
        #expect(values.map(\.isNull) == [true, false, false, false, false, false, false])
        #expect(values.map(\.boolValue) == [nil, true, nil, nil, nil, nil, nil])
        #expect(values.map(\.doubleValue) == [nil, nil, 7, 7.25, nil, nil, nil])
        #expect(values.map(\.stringValue) == [nil, nil, nil, nil, "s", nil, nil])
        #expect(values.map { $0.arrayValue != nil } == [false, false, false, false, false, true, false])
        #expect(values.map { $0.objectValue != nil } == [false, false, false, false, false, false, true])
    }

    @Test func stringsMayHoldNulAndAnyUnicode() throws {
        #expect(try Self.parse(#""a\u0000b""#).stringValue == "a\u{0}b")
        #expect(try Self.parse("\"名前 \u{1F389}\"").stringValue == "名前 🎉")
    }

    @Test func whatJanssonRefusesThrows() throws {
        for text in ["", "{", "[1,]", "{'a':1}", "01", "nul", "1 2", #"{"a":1,"a":2}"#, "9223372036854775808"] {
            #expect(throws: JSONParseError.self, "\(text)") { try Self.parse(text) }
        }
        let invalidUTF8: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(invalidUTF8) }
        #expect(error?.isInvalidUTF8 == true)
    }
}
