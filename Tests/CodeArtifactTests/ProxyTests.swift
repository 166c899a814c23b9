import CodeArtifact
import Emulator
import Foundation
import SigV4
import TestSupport
import Testing

/// `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` with a CONNECT proxy between cabatch and the emulator or STS.
@Suite struct ProxyTests {
    static let proxyPassword = "proxyPASSWORDvalue"
    static let keySecret = "secretSTATICkey00000000000000000000000000"
    /// `Basic base64("alice:proxyPASSWORDvalue")`.
    static let proxyAuthorization = "Basic " + Data("alice:\(proxyPassword)".utf8).base64EncodedString()

    struct Bypass: Sendable, CustomTestStringConvertible {
        var noProxy: String
        var host: String
        var port: Int?
        var bypassed: Bool
        var testDescription: String { "\(noProxy) / \(host)" }
    }

    static let bypasses = [
        Bypass(noProxy: "*", host: "codeartifact.us-east-1.amazonaws.com", bypassed: true),
        Bypass(noProxy: "example.com", host: "example.com", bypassed: true),
        Bypass(noProxy: ".example.com", host: "repo.example.com", bypassed: true),
        Bypass(noProxy: "example.com", host: "badexample.com", bypassed: false),
        Bypass(noProxy: "amazonaws.com, 10.0.0.1", host: "10.0.0.1", bypassed: true),
        Bypass(noProxy: "10.0.0.1", host: "10.0.0.12", bypassed: false),
        Bypass(noProxy: "internal:8443", host: "internal", port: 8443, bypassed: true),
        Bypass(noProxy: "internal:8443", host: "internal", port: 443, bypassed: false),
        Bypass(noProxy: "", host: "127.0.0.1", bypassed: false),
    ]

    @Test(arguments: bypasses)
    func noProxyMatchesAsTheCLIDoes(_ row: Bypass) throws {
        let settings = try #require(try ProxySettings.fromEnvironment(["HTTPS_PROXY": "proxy:3128", "NO_PROXY": row.noProxy]))
        #expect(settings.bypasses(host: row.host, port: row.port) == row.bypassed)
        #expect(settings.server(scheme: "https", host: row.host, port: row.port)?.port == (row.bypassed ? nil : 3128))
    }

    @Test func lowercaseVariablesWinAndBadProxiesAreRefused() throws {
        let settings = try #require(try ProxySettings.fromEnvironment(["HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2"]))
        #expect(settings.https?.host == "lower")
        #expect(settings.http == nil)
        #expect(try ProxySettings.fromEnvironment(["NO_PROXY": "*"]) == nil)
        #expect(throws: ConfigurationError.invalidProxy(variable: "HTTPS_PROXY", reason: "only http:// proxies are supported")) {
            try ProxySettings.fromEnvironment(["HTTPS_PROXY": "socks5://u:\(Self.proxyPassword)@proxy:1080"])
        }
    }

    func environment(_ proxy: ConnectProxy, _ extra: [String: String] = [:]) -> [String: String] {
        let url = "http://alice:\(Self.proxyPassword)@127.0.0.1:\(proxy.port)"
        return noMetadata.merging(["HTTP_PROXY": url, "HTTPS_PROXY": url, "AWS_ACCESS_KEY_ID": "AKIDSTATIC",
                                   "AWS_SECRET_ACCESS_KEY": Self.keySecret]) { a, _ in a }.merging(extra) { _, b in b }
    }

    @Test func requestsGoThroughTheProxyWithItsCredentials() async throws {
        let home = try TemporaryHome()
        let service = try await CredentialTestServers.emulator(logIn: home)
        service.core.accessKeys.insert(Credentials(accessKeyID: "AKIDSTATIC", secretAccessKey: Self.keySecret))
        let proxy = try await ConnectProxy(authorization: Self.proxyAuthorization)
        let recorder = LogRecorder()
        let configuration = try ClientConfiguration.resolve(environment: environment(proxy).merging(["HOME": home.path]) { a, _ in a },
                                                            region: "us-east-1", endpointURL: service.url.absoluteString)
        let signer = try await CredentialTestServers.deleteOnce(configuration, service: service, logger: recorder.logger)
        #expect(signer == "AKIDSTATIC")
        #expect(proxy.targets == ["127.0.0.1:\(service.port)"])
        #expect(proxy.authorizations == [Self.proxyAuthorization])
        var text = "\(configuration)\n\(String(reflecting: configuration))\n" + recorder.text
        dump(configuration, to: &text)
        #expect(text.contains("via http://<credentials>@127.0.0.1:\(proxy.port)"))
        #expect(!text.contains(Self.proxyPassword))
        try await proxy.stop()
        await service.stop()
        // The emulator's request log is in it.
        withExtendedLifetime(home) {}
    }

    @Test func noProxyKeepsRequestsDirect() async throws {
        let home = try TemporaryHome()
        let service = try await CredentialTestServers.emulator(logIn: home)
        service.core.accessKeys.insert(Credentials(accessKeyID: "AKIDSTATIC", secretAccessKey: Self.keySecret))
        let proxy = try await ConnectProxy(authorization: Self.proxyAuthorization)
        let configuration = try ClientConfiguration.resolve(
            environment: environment(proxy, ["HOME": home.path, "NO_PROXY": "localhost,127.0.0.1"]),
            region: "us-east-1", endpointURL: service.url.absoluteString)
        let signer = try await CredentialTestServers.deleteOnce(configuration, service: service)
        #expect(signer == "AKIDSTATIC")
        #expect(proxy.targets.isEmpty)
        try await proxy.stop()
        await service.stop()
        // The emulator's request log is in it.
        withExtendedLifetime(home) {}
    }

    @Test func stsGoesThroughTheProxyAndInstanceMetadataNever() async throws {
        let world = try await AssumeRoleProviderTests.World()
        let proxy = try await ConnectProxy()
        let imds = try await LoopbackServer { request in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"): return .text("imds-session")
            case ("GET", "/latest/meta-data/iam/security-credentials/"): return .text("role\n")
            default:
                return .json(#"{"Code":"Success","AccessKeyId":"AKIDSOURCE","SecretAccessKey":"\#(AssumeRoleProviderTests.sourceSecret)","Expiration":"2099-01-01T00:00:00Z"}"#)
            }
        }
        // The role's source keys come from instance metadata: STS through the proxy, IMDS direct.
        try world.home.write(".aws/config", """
            [profile instance]
            role_arn = arn:aws:iam::111122223333:role/dev
            credential_source = Ec2InstanceMetadata
            """)
        let url = "http://127.0.0.1:\(proxy.port)"
        let configuration = try ClientConfiguration.resolve(
            environment: ["HOME": world.home.path, "AWS_ENDPOINT_URL_STS": world.sts.url, "HTTP_PROXY": url, "HTTPS_PROXY": url,
                          "AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.url,
                          // A loaded test machine can take longer than the one-second default to connect.
                          "AWS_METADATA_SERVICE_TIMEOUT": "10"],
            profile: "instance", region: "us-east-1", endpointURL: world.service.url.absoluteString)
        let signer = try await CredentialTestServers.deleteOnce(configuration, service: world.service)
        #expect(signer == "ASIADEV1")
        #expect(imds.requests.count == 3)
        #expect(proxy.targets == ["127.0.0.1:\(world.sts.port)", "127.0.0.1:\(world.service.port)"])
        try await imds.stop()
        try await proxy.stop()
        try await world.stop()
    }
}
