import SigV4
import Testing

@Suite struct QueryParameterTests {
    @Test(arguments: [
        ("", []), ("&", []), ("&&", []), ("a", [QueryParameter("a", "")]), ("a=", [QueryParameter("a", "")]),
        ("=b", [QueryParameter("", "b")]), ("=", [QueryParameter("", "")]), ("a=b=c", [QueryParameter("a", "b=c")]),
        ("a=b&&c=d&", [QueryParameter("a", "b"), QueryParameter("c", "d")]),
        // Malformed escapes stay as they are; `+` is not a space.
        ("x=%41%2", [QueryParameter("x", "A%2")]), ("a=%", [QueryParameter("a", "%")]), ("a+b=c+d", [QueryParameter("a+b", "c+d")]),
        ("%E2%82%AC=%zz", [QueryParameter("€", "%zz")]),
        // Escaped bytes that are not UTF-8 are repaired.
        ("%f0%9f%98%80=%FF%FE", [QueryParameter("😀", "\u{FFFD}\u{FFFD}")]),
        // Not ASCII: split on the `&` and `=` bytes, whatever follows them.
        ("é=\u{301}&=\u{301}x", [QueryParameter("é", "\u{301}"), QueryParameter("", "\u{301}x")]),
    ] as [(String, [QueryParameter])])
    func splitsAndDecodes(query: String, expected: [QueryParameter]) {
        #expect(QueryParameter.parse(rawQuery: query) == expected, "\(query)")
    }

    @Test func decodesNamesAndValues() {
        #expect(QueryParameter.parse(rawQuery: "a%20b=c%2Fd&e=&f&=g&h=i=j") == [
            QueryParameter("a b", "c/d"), QueryParameter("e", ""), QueryParameter("f", ""), QueryParameter("", "g"),
            QueryParameter("h", "i=j"),
        ])
        #expect(QueryParameter.parse(rawQuery: "ü=é&x=1") == [QueryParameter("ü", "é"), QueryParameter("x", "1")])
    }
}
