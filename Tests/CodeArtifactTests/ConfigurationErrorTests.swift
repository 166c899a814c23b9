import CodeArtifact
import Testing

/// Pins `ConfigurationError`: stable codes, always permanent and fatal for the run, and
/// messages naming the value, where it came from and what to do.
@Suite struct ConfigurationErrorTests {
    @Test func codesClassificationAndMessages() {
        let cases: [(ConfigurationError, String, String)] = [
            (.missingRegion(profile: "dev"), "missing_region", "No AWS region is configured (profile dev); pass --region or set AWS_REGION."),
            (.invalidEndpoint(url: "ftp://x", source: "--endpoint-url"), "invalid_endpoint",
             "The endpoint ftp://x from --endpoint-url is not an absolute https:// URL with a host."),
            (.insecureEndpoint(url: "http://example.com", source: "AWS_ENDPOINT_URL"), "insecure_endpoint",
             "The endpoint http://example.com from AWS_ENDPOINT_URL uses plain http:// on a non-loopback host; use https://, or http:// only with 127.0.0.1, ::1 or localhost."),
            (.profileNotFound(profile: "nope"), "profile_not_found",
             "The profile nope is not in the shared config or credentials file; check --profile or AWS_PROFILE."),
        ]
        for (error, code, message) in cases {
            #expect(error.code == code)
            #expect(error.description == message)
            #expect(error.classification == ErrorClassification(retry: .permanent, scope: .run))
        }
    }
}
