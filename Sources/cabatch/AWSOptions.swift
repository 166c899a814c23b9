import ArgumentParser
import CodeArtifact
import Foundation

/// The AWS CLI's common options, resolved the way the AWS CLI resolves them.
struct AWSOptions: ParsableArguments {
    @Option(help: "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    var region: String?

    @Option(help: "Use this profile from the shared config and credentials files.")
    var profile: String?

    @Option(help: "Send requests to this endpoint instead of the region's (plain http:// only on loopback).")
    var endpointUrl: String?

    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClientConfiguration {
        try ClientConfiguration.resolve(environment: environment, profile: profile, region: region, endpointURL: endpointUrl)
    }
}
