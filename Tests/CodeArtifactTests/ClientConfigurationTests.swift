import CodeArtifact
import Foundation
import TestSupport
import Testing

@Suite struct ClientConfigurationTests {
    static let config = """
        [default]
        region = eu-west-1

        [profile dev]
        region = ap-southeast-2 # trailing comment
        s3 =
          max_concurrent_requests = 10
        """

    struct RegionRow: Sendable, CustomTestStringConvertible {
        var option: String?
        var profile: String?
        var environment: [String: String]
        var region: String
        var source: String
        var testDescription: String { "\(source) → \(region)" }
    }

    static let regionRows: [RegionRow] = [
        RegionRow(option: "us-west-2", profile: nil, environment: ["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "us-east-1"],
                  region: "us-west-2", source: "--region"),
        RegionRow(option: nil, profile: nil, environment: ["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "us-east-1"],
                  region: "us-east-2", source: "AWS_REGION"),
        RegionRow(option: nil, profile: nil, environment: ["AWS_DEFAULT_REGION": "us-east-1"],
                  region: "us-east-1", source: "AWS_DEFAULT_REGION"),
        RegionRow(option: nil, profile: nil, environment: [:], region: "eu-west-1", source: "profile default"),
        RegionRow(option: nil, profile: "dev", environment: [:], region: "ap-southeast-2", source: "profile dev"),
        RegionRow(option: nil, profile: nil, environment: ["AWS_PROFILE": "dev"], region: "ap-southeast-2", source: "profile dev"),
    ]

    @Test(arguments: regionRows)
    func regionPrecedence(_ row: RegionRow) throws {
        let home = try TemporaryHome(config: Self.config)
        let configuration = try ClientConfiguration.resolve(environment: row.environment.merging(["HOME": home.path]) { a, _ in a },
                                                            profile: row.profile, region: row.option)
        #expect(configuration.region == row.region)
        #expect(configuration.regionSource == row.source)
        #expect(configuration.endpoint.description == "https://codeartifact.\(row.region).amazonaws.com")
    }

    @Test func missingRegionAndProfileAreReported() throws {
        let home = try TemporaryHome()
        #expect(throws: ConfigurationError.missingRegion(profile: "default")) {
            try ClientConfiguration.resolve(environment: ["HOME": home.path])
        }
        #expect(throws: ConfigurationError.profileNotFound(profile: "nope")) {
            try ClientConfiguration.resolve(environment: ["HOME": home.path], profile: "nope", region: "us-east-1")
        }
    }

    @Test func configFilesFollowTheirVariables() throws {
        let home = try TemporaryHome()
        let file = try home.write("elsewhere/config", "[profile x]\nregion = sa-east-1\n")
        let configuration = try ClientConfiguration.resolve(
            environment: ["HOME": home.path, "AWS_CONFIG_FILE": file, "AWS_PROFILE": "x"])
        #expect(configuration.region == "sa-east-1")
        #expect(configuration.profile == "x")
    }

    struct EndpointRow: Sendable, CustomTestStringConvertible {
        var option: String?
        var environment: [String: String]
        var expected: Result<String, ConfigurationError>
        var testDescription: String { option ?? environment.keys.sorted().joined(separator: ",") }
    }

    static let endpointRows: [EndpointRow] = [
        EndpointRow(option: nil, environment: [:], expected: .success("https://codeartifact.us-east-1.amazonaws.com")),
        EndpointRow(option: "https://vpce-1.codeartifact.us-east-1.vpce.amazonaws.com",
                    environment: ["AWS_ENDPOINT_URL_CODEARTIFACT": "https://a.example", "AWS_ENDPOINT_URL": "https://b.example"],
                    expected: .success("https://vpce-1.codeartifact.us-east-1.vpce.amazonaws.com")),
        EndpointRow(option: nil, environment: ["AWS_ENDPOINT_URL_CODEARTIFACT": "https://a.example", "AWS_ENDPOINT_URL": "https://b.example"],
                    expected: .success("https://a.example")),
        EndpointRow(option: nil, environment: ["AWS_ENDPOINT_URL": "https://b.example:8443/"], expected: .success("https://b.example:8443")),
        EndpointRow(option: nil, environment: ["AWS_ENDPOINT_URL": "https://b.example", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"],
                    expected: .success("https://codeartifact.us-east-1.amazonaws.com")),
        EndpointRow(option: "http://127.0.0.1:8080", environment: [:], expected: .success("http://127.0.0.1:8080")),
        EndpointRow(option: "http://localhost:9000", environment: [:], expected: .success("http://localhost:9000")),
        EndpointRow(option: "http://[::1]:9000", environment: [:], expected: .success("http://[::1]:9000")),
        EndpointRow(option: "http://codeartifact.example.com", environment: [:],
                    expected: .failure(.insecureEndpoint(url: "http://codeartifact.example.com", source: "--endpoint-url"))),
        EndpointRow(option: nil, environment: ["AWS_ENDPOINT_URL": "http://10.0.0.5:8080"],
                    expected: .failure(.insecureEndpoint(url: "http://10.0.0.5:8080", source: "AWS_ENDPOINT_URL"))),
        EndpointRow(option: "http://127.0.0.1.example.com", environment: [:],
                    expected: .failure(.insecureEndpoint(url: "http://127.0.0.1.example.com", source: "--endpoint-url"))),
        EndpointRow(option: "ftp://example.com", environment: [:],
                    expected: .failure(.invalidEndpoint(url: "ftp://example.com", source: "--endpoint-url"))),
        EndpointRow(option: "codeartifact.example.com", environment: [:],
                    expected: .failure(.invalidEndpoint(url: "codeartifact.example.com", source: "--endpoint-url"))),
    ]

    @Test(arguments: endpointRows)
    func endpointPrecedenceAndSafety(_ row: EndpointRow) throws {
        let home = try TemporaryHome()
        let environment = row.environment.merging(["HOME": home.path]) { a, _ in a }
        let result = Result { try ClientConfiguration.resolve(environment: environment, region: "us-east-1",
                                                              endpointURL: row.option).endpoint.description }
            .mapError { $0 as? ConfigurationError ?? .missingRegion(profile: "unexpected") }
        #expect(result == row.expected)
        if case let .failure(error) = row.expected {
            #expect(error.classification.scope == .run)
            #expect(error.description.hasSuffix("."))
        }
    }

    @Test func sharedConfigParsing() {
        let config = SharedConfigFile.parse("""
            # comment
            [default]
            region=us-east-1
            [profile a b]
            Region = x
            [sso-session s]
            sso_region = y
            """, isConfig: true)
        #expect(config.profiles["default"] == ["region": "us-east-1"])
        #expect(config.profiles["a b"] == ["region": "x"])
        #expect(config.profiles.count == 2)
        let credentials = SharedConfigFile.parse("[profile]\naws_access_key_id = A\n", isConfig: false)
        #expect(credentials.profiles["profile"] == ["aws_access_key_id": "A"])
    }
}
