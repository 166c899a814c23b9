import JSONLines
import Manifest
import Testing

/// Pins how a rejected line is reported: one line of text with file and line, and one rejects-file line.
@Suite struct RejectTests {
    static let reject = Reject(file: "m.jsonl", line: 12, kind: .unknownValue, field: .status,
                               message: "status \"published\" is not one of Published Unfinished",
                               hint: "the service spells it Published", excerpt: #"{"domain":"acme","status":"published"}"#)

    @Test func readsAsFileLineKindMessageAndHint() {
        #expect(Self.reject.description
            == #"m.jsonl:12: unknown-value: status "published" is not one of Published Unfinished (the service spells it Published)"#)
        let plain = Reject(file: "-", line: 1, kind: .invalidJSON, message: "the line is not valid JSON", excerpt: "{")
        #expect(plain.description == "-:1: invalid-json: the line is not valid JSON")
    }

    @Test func encodesEveryMemberInAFixedOrder() throws {
        #expect(String(decoding: Self.reject.encoded().bytes, as: UTF8.self)
            == #"{"file":"m.jsonl","line":12,"kind":"unknown-value","field":"status","message":"status \"published\" is not one of Published Unfinished","hint":"the service spells it Published","excerpt":"{\"domain\":\"acme\",\"status\":\"published\"}"}"#)
        let plain = Reject(file: "m.jsonl", line: 3, kind: .notAnObject, message: "m", excerpt: "[1]")
        let object = try #require(try JSONValue.parse(plain.encoded().bytes).objectValue)
        #expect(object.members.map(\.0) == ["file", "line", "kind", "field", "message", "hint", "excerpt"])
        #expect(object["field"] == .null && object["hint"] == .null)
    }

    @Test func excerptsAreAsLongAsTheBatchersKeep() {
        #expect(Reject.excerptLength == LineBatcher.excerptLength)
    }
}
