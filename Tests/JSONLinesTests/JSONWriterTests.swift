@testable import JSONLines
import Testing

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

    @Test func separatesValuesAtEveryDepth() {
        var w = JSONWriter()
        w.beginObject()
        w.key("empty")
        w.beginObject()
        w.endObject()
        w.key("nested")
        w.beginArray()
        w.beginArray()
        w.endArray()
        w.beginObject()
        w.member("a", 1)
        w.member("b", ":")
        w.endObject()
        w.null()
        w.double(1.5)
        w.endArray()
        w.memberIfPresent("absent", nil)
        w.memberIfPresent("present", "{")
        w.endObject()
        // Values written one after another at the top level are separated too.
        w.string("[")
        w.bool(false)
        #expect(String(decoding: w.bytes, as: UTF8.self)
            == #"{"empty":{},"nested":[[],{"a":1,"b":":"},null,1.5],"present":"{"},"[",false"#)
    }
}

/// The word-at-a-time scan must find exactly the bytes a byte-by-byte scan finds, wherever they stand.
@Suite struct JSONEscapeScanTests {
    @Test func findsEveryByteThatNeedsAnEscape() {
        for length in [1, 7, 8, 9, 16, 23] {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = byte
                    let expected = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                    let found = bytes.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) }
                    if found != expected { Issue.record("byte \(byte) at \(position) of \(length)") }
                }
            }
        }
        // Bytes just above each limit, in every lane, need none.
        let clean = Array(" !#[]^\u{7F}".utf8) + [0x80, 0xC3, 0xA9, 0xFF] + Array("~}|{".utf8)
        #expect(clean.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) } == false)
    }
}
