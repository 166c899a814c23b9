@testable import SigV4
import Testing

@Suite struct QueryParameterTests {
    /// ASCII queries are split as bytes; they must read as the `Character` split reads them.
    @Test(arguments: ["", "&", "&&", "a", "a=", "=b", "=", "a=b=c", "a=b&&c=d&", "x=%41%2", "%E2%82%AC=%zz", "a+b=c+d",
                      "a=%", "%41", "%f0%9f%98%80=%FF%FE", "domain=acme&repository=npm-store&format=npm&package=node"])
    func asciiReadsAsCharacters(query: String) {
        #expect(QueryParameter.parse(rawQuery: query) == QueryParameter.parseCharacters(rawQuery: query), "\(query)")
    }

    @Test func decodesNamesAndValues() {
        #expect(QueryParameter.parse(rawQuery: "a%20b=c%2Fd&e=&f&=g&h=i=j") == [
            QueryParameter("a b", "c/d"), QueryParameter("e", ""), QueryParameter("f", ""), QueryParameter("", "g"),
            QueryParameter("h", "i=j"),
        ])
        #expect(QueryParameter.parse(rawQuery: "ü=é&x=1") == [QueryParameter("ü", "é"), QueryParameter("x", "1")])
    }
}
