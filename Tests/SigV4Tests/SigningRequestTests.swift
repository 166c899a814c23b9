import SigV4
import Testing

/// Pins the request SigV4 signs: the bytes put on the request line are the bytes signed, the
/// wire form reads back into the same request, and headers are looked up and replaced by name
/// in any case.
@Suite struct SigningRequestTests {
    @Test func signedBytesAreSentBytes() {
        let request = SigV4SignerTests.request()
        #expect(request.encodedPathAndQuery == "/v1/package/versions/delete?domain=acme&package=a%20b%2Bc%40d~e")
    }

    @Test func theRequestLineEncodesThePathAndTheQueryInTheirOrder() {
        #expect(SigningRequest(method: "GET", path: "").encodedPathAndQuery == "/")
        #expect(SigningRequest(method: "GET", path: "/a b/ü").encodedPathAndQuery == "/a%20b/%C3%BC")
        let query = SigningRequest(method: "GET", path: "/", query: [QueryParameter("z", "1"), QueryParameter("a", "x/y"),
                                                                    QueryParameter("a", "")])
        #expect(query.encodedPathAndQuery == "/?z=1&a=x%2Fy&a=")
    }

    @Test func theWireFormReadsBackIntoTheSameRequest() {
        let request = SigningRequest(method: "POST", path: "/v1/a b/ü+@", query: [QueryParameter("package", "a b+c"), QueryParameter("k", "")],
                                     headers: [HeaderField("Host", "h")], body: Array("{}".utf8))
        let line = request.encodedPathAndQuery
        let question = line.firstIndex(of: "?")!
        let received = SigningRequest(method: "POST", rawPath: String(line[..<question]), rawQuery: String(line[line.index(after: question)...]),
                                      headers: request.headers, body: request.body)
        #expect(received == request)
        #expect(SigningRequest(method: "GET", rawPath: "/a%2Fb", rawQuery: "", headers: [], body: []).path == "/a/b")
    }

    @Test func headersAreFoundByNameInAnyCase() {
        var request = SigningRequest(method: "GET", path: "/", headers: [
            HeaderField("X-Amz-Date", "1"), HeaderField("Host", "h"), HeaderField("x-amz-date", "2"), HeaderField("X-AMZ-DATE", "3"),
        ])
        #expect(request.header("x-amz-date") == "1")
        #expect(request.header("X-Amz-DATE") == "1")
        #expect(request.headerValues("X-Amz-Date") == ["1", "2", "3"])
        #expect(request.header("authorization") == nil && request.headerValues("authorization").isEmpty)
        request.setHeader("x-AMZ-date", "4")
        #expect(request.headerValues("x-amz-date") == ["4"])
        #expect(request.headers.map(\.name) == ["Host", "x-AMZ-date"], "the new value goes last, named as given")
        request.setHeader("Authorization", "a")
        #expect(request.headers.count == 3 && request.header("AUTHORIZATION") == "a")
    }
}
