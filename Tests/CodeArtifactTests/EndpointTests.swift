import CodeArtifact
import Testing

/// Pins `Endpoint`: parsing (https anywhere, http only on loopback, no query or user, base path
/// without trailing slashes), the loopback rule, the `Host` header and the regional endpoints.
@Suite struct EndpointTests {
    @Test(arguments: [
        ("https://codeartifact.us-east-1.amazonaws.com", "https", "codeartifact.us-east-1.amazonaws.com", Int?.none, ""),
        ("HTTPS://example.com:8443/base//", "https", "example.com", 8443, "/base"),
        ("http://127.0.0.1:4566", "http", "127.0.0.1", 4566, ""),
        ("http://localhost/", "http", "localhost", nil, ""),
        ("http://[::1]:9000/p", "http", "::1", 9000, "/p"),
    ])
    func parses(url: String, scheme: String, host: String, port: Int?, basePath: String) throws {
        let endpoint = try Endpoint(parsing: url, source: "--endpoint-url")
        #expect(endpoint == Endpoint(scheme: scheme, host: host, port: port, basePath: basePath))
    }

    @Test(arguments: ["codeartifact.example.com", "https://", "ftp://example.com", "https://example.com/?a=b",
                      "https://user@example.com", "not a url", ""])
    func refusesWhatIsNotAnAbsoluteURL(url: String) {
        #expect(throws: ConfigurationError.invalidEndpoint(url: url, source: "AWS_ENDPOINT_URL")) {
            try Endpoint(parsing: url, source: "AWS_ENDPOINT_URL")
        }
    }

    @Test(arguments: ["http://example.com", "http://10.0.0.1:8080", "http://127.0.0.1.example.com", "http://128.0.0.1"])
    func refusesPlainHTTPBeyondLoopback(url: String) {
        #expect(throws: ConfigurationError.insecureEndpoint(url: url, source: "--endpoint-url")) {
            try Endpoint(parsing: url, source: "--endpoint-url")
        }
    }

    @Test func loopbackNamesAndAddresses() {
        #expect(["localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1", "127.0.0.1", "127.255.0.9"].allSatisfy { Endpoint.isLoopback($0) })
        #expect(!["127.0.0.256", "127.0.0", "127.0.0.1.", "localhost.example", "::2", "10.0.0.1", "127..0.1"].contains { Endpoint.isLoopback($0) })
    }

    @Test func hostHeaderAndDescription() {
        #expect(Endpoint(scheme: "https", host: "h", port: 443, basePath: "").hostHeader == "h")
        #expect(Endpoint(scheme: "https", host: "h", port: 80, basePath: "").hostHeader == "h:80")
        #expect(Endpoint(scheme: "http", host: "h", port: 80, basePath: "").hostHeader == "h")
        #expect(Endpoint(scheme: "http", host: "::1", port: 4566, basePath: "/b").description == "http://[::1]:4566/b")
    }

    @Test func regionalEndpoints() {
        #expect(Endpoint.codeArtifact(region: "eu-west-1").description == "https://codeartifact.eu-west-1.amazonaws.com")
        #expect(Endpoint.codeArtifact(region: "cn-north-1").description == "https://codeartifact.cn-north-1.amazonaws.com.cn")
    }
}
