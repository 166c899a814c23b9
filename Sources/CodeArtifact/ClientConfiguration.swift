import Foundation
import NIOSSL

/// Where and as whom to talk to CodeArtifact: region, endpoint, profile and the credential chain.
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    public var region: String
    public var endpoint: Endpoint
    /// The profile whose files settings come from (`default` unless chosen).
    public var profile: String
    public var credentialProvider: any CredentialProvider
    /// Where the region came from (`--region`, `AWS_REGION`, …), for `--dry-run` and error messages.
    public var regionSource: String
    /// Where the endpoint came from.
    public var endpointSource: String
    /// `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`, for the service and every credential endpoint but IMDS and containers.
    public var proxy: ProxySettings?
    /// The certificates every HTTPS call trusts instead of the system's (`AWS_CA_BUNDLE`, the
    /// profile's `ca_bundle`); `nil` for the system's.
    public var trustRoots: CABundle?

    public init(region: String, endpoint: Endpoint, profile: String, credentialProvider: any CredentialProvider,
                regionSource: String, endpointSource: String, proxy: ProxySettings? = nil, trustRoots: CABundle? = nil) {
        self.region = region
        self.endpoint = endpoint
        self.profile = profile
        self.credentialProvider = credentialProvider
        self.regionSource = regionSource
        self.endpointSource = endpointSource
        self.proxy = proxy
        self.trustRoots = trustRoots
    }

    /// Resolves settings the way the AWS CLI does, from explicit options, an injected environment and the shared files.
    ///
    /// - Region: `region` (`--region`) > `AWS_REGION` > `AWS_DEFAULT_REGION` > the profile's `region`.
    /// - Endpoint: `endpointURL` (`--endpoint-url`) > `AWS_ENDPOINT_URL_CODEARTIFACT` > `AWS_ENDPOINT_URL` >
    ///   `https://codeartifact.<region>.amazonaws.com`; plain `http://` only on loopback.
    /// - Credentials, in order: environment keys (skipped when `profile` is given explicitly, as botocore does),
    ///   the profile's assumed role (`role_arn`), web identity, the profile (`profile` > `AWS_PROFILE` > `default`)
    ///   in the shared files with IAM Identity Center, keys or `credential_process`, container credentials, then
    ///   EC2 IMDSv2; refreshed before they expire.
    /// - Parameter homeDirectory: overrides `HOME` for `~/.aws`, so tests use temporary homes.
    /// - Parameter prompt: where an MFA code is asked for.
    public static func resolve(environment: [String: String], profile: String? = nil, region: String? = nil,
                               endpointURL: String? = nil, homeDirectory: String? = nil,
                               prompt: TerminalPrompt = .standard) throws -> ClientConfiguration {
        let home = homeDirectory ?? environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"], home: home)
            ?? home + "/.aws/credentials"
        let configPath = expand(environment["AWS_CONFIG_FILE"], home: home) ?? home + "/.aws/config"
        let profileFromEnvironment = nonEmpty(environment["AWS_PROFILE"]) ?? nonEmpty(environment["AWS_DEFAULT_PROFILE"])
        let profileName = nonEmpty(profile) ?? profileFromEnvironment ?? "default"

        let config = SharedConfigFile.load(path: configPath, isConfig: true)
        let profileSettings = config.profiles[profileName] ?? [:]
        if nonEmpty(profile) != nil || profileFromEnvironment != nil, config.profiles[profileName] == nil,
           SharedConfigFile.load(path: credentialsPath, isConfig: false).profiles[profileName] == nil {
            throw ConfigurationError.profileNotFound(profile: profileName)
        }

        let regionChoice: (String, String)? = [
            (nonEmpty(region), "--region"), (nonEmpty(environment["AWS_REGION"]), "AWS_REGION"),
            (nonEmpty(environment["AWS_DEFAULT_REGION"]), "AWS_DEFAULT_REGION"),
            (nonEmpty(profileSettings["region"]), "profile \(profileName)"),
        ].lazy.compactMap { value, source in value.map { ($0, source) } }.first
        guard let (resolvedRegion, regionSource) = regionChoice else {
            throw ConfigurationError.missingRegion(profile: profileName)
        }

        let ignoreEnvironmentEndpoints = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        var endpointChoices: [(String?, String)] = [(nonEmpty(endpointURL), "--endpoint-url")]
        if !ignoreEnvironmentEndpoints {
            endpointChoices += [(nonEmpty(environment["AWS_ENDPOINT_URL_CODEARTIFACT"]), "AWS_ENDPOINT_URL_CODEARTIFACT"),
                                (nonEmpty(environment["AWS_ENDPOINT_URL"]), "AWS_ENDPOINT_URL")]
        }
        let endpoint: Endpoint
        let endpointSource: String
        if let (url, source) = endpointChoices.lazy.compactMap({ value, source in value.map { ($0, source) } }).first {
            endpoint = try Endpoint(parsing: url, source: source)
            endpointSource = source
        } else {
            endpoint = .codeArtifact(region: resolvedRegion)
            endpointSource = "region \(resolvedRegion)"
        }

        var providers: [any CredentialProvider] = []
        if nonEmpty(profile) == nil { providers.append(EnvironmentCredentialProvider(environment: environment)) }
        let profileProvider = ProfileCredentialProvider(profile: profileName, credentialsPath: credentialsPath,
                                                        configPath: configPath, environment: environment, region: resolvedRegion,
                                                        ssoCacheDirectory: home + "/.aws/sso/cache", prompt: prompt)
        // botocore asks a profile's role before web identity, and its SSO, keys and process after.
        let assumesRole = ProfileCredentialProvider.settings(profile: profileName, credentialsPath: credentialsPath,
                                                             configPath: configPath)?["role_arn"].map { !$0.isEmpty } ?? false
        if assumesRole { providers.append(profileProvider) }
        if let webIdentity = try WebIdentityCredentialProvider.fromEnvironment(environment, region: resolvedRegion) {
            providers.append(webIdentity)
        }
        if !assumesRole { providers.append(profileProvider) }
        if let container = try ContainerCredentialProvider.fromEnvironment(environment) { providers.append(container) }
        if let metadata = InstanceMetadataCredentialProvider.fromEnvironment(environment) { providers.append(metadata) }

        let bundleChoice: (String, String)? = [
            (expand(environment["AWS_CA_BUNDLE"], home: home), "AWS_CA_BUNDLE"),
            (expand(profileSettings["ca_bundle"], home: home), "profile \(profileName)"),
        ].lazy.compactMap { path, source in path.map { ($0, source) } }.first
        return ClientConfiguration(region: resolvedRegion, endpoint: endpoint, profile: profileName,
                                   credentialProvider: RefreshingCredentialProvider(ChainCredentialProvider(providers)),
                                   regionSource: regionSource, endpointSource: endpointSource,
                                   proxy: try ProxySettings.fromEnvironment(environment),
                                   trustRoots: try bundleChoice.map { try CABundle(path: $0.0, source: $0.1) })
    }

    /// `region us-east-1 (AWS_REGION), endpoint https://… (region us-east-1), profile default, credentials …`.
    public var description: String {
        "region \(region) (\(regionSource)), endpoint \(endpoint) (\(endpointSource)), profile \(profile), "
            + "credentials \(credentialProvider)" + (proxy.map { ", proxy \($0)" } ?? "")
            + (trustRoots.map { ", CA bundle \($0.path) (\($0.source))" } ?? "")
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func expand(_ path: String?, home: String) -> String? {
        guard let path = nonEmpty(path) else { return nil }
        return path.hasPrefix("~/") ? home + path.dropFirst(1) : path
    }
}
