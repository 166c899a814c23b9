import JSONLines
import Testing

@Suite struct JanssonTests {
    func parsed<T>(_ text: String, rejectingDuplicates: Bool = true, _ body: (BorrowedJSON) throws -> T) throws -> T {
        try Array(text.utf8).withUnsafeBytes { try Jansson.withParsed($0, rejectingDuplicates: rejectingDuplicates, body) }
    }

    @Test func arraysAreRandomAccess() throws {
        let strings = try parsed(#"{"versions":["1.0","a\"b\\cé\ud83d\ude00",2,null]}"#) { root in
            let elements = try #require(root.member("versions")).elements
            #expect(elements.count == 4)
            #expect(elements.map(\.kind) == [.string, .string, .number, .null])
            return elements.prefix(2).map(\.string)
        }
        #expect(strings == ["1.0", "a\"b\\cé😀"])
        // Any other value has no elements.
        #expect(try parsed(#"{"a":1}"#) { $0.elements.isEmpty })
        #expect(try parsed(#""text""#) { $0.elements.count } == 0)
    }

    @Test func repeatedMembersAreRefusedOrTheLastKept() throws {
        let text = #"{"versions":["1"],"versions":["2"]}"#
        let error = #expect(throws: JSONParseError.self) { try parsed(text) { _ in } }
        #expect(error?.repeatedMember == "versions")
        let kept = try parsed(text, rejectingDuplicates: false) { root in root.member("versions")?.elements.map(\.string) }
        #expect(kept == ["2"])
    }
}
