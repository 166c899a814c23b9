/// Why cabatch cannot tell where or as whom to talk to CodeArtifact.
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    /// No `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION` or profile `region`.
    case missingRegion(profile: String)
    /// The endpoint is not an absolute `https://` (or loopback `http://`) URL.
    case invalidEndpoint(url: String, source: String)
    /// A plain `http://` endpoint on a host that is not loopback.
    case insecureEndpoint(url: String, source: String)
    /// `--profile` or `AWS_PROFILE` names a profile found in neither shared file.
    case profileNotFound(profile: String)
    /// A proxy variable that is not a usable proxy URL (the URL is not repeated: it may hold a password).
    case invalidProxy(variable: String, reason: String)
    /// `AWS_CA_BUNDLE` or a profile's `ca_bundle` names a file that is not PEM certificates.
    case invalidCABundle(path: String, source: String, reason: String)

    public var code: String {
        switch self {
        case .missingRegion: "missing_region"
        case .invalidEndpoint: "invalid_endpoint"
        case .insecureEndpoint: "insecure_endpoint"
        case .profileNotFound: "profile_not_found"
        case .invalidProxy: "invalid_proxy"
        case .invalidCABundle: "invalid_ca_bundle"
        }
    }

    public var classification: ErrorClassification { ErrorClassification(retry: .permanent, scope: .run) }

    public var description: String {
        switch self {
        case let .missingRegion(profile):
            "No AWS region is configured (profile \(profile)); pass --region or set AWS_REGION."
        case let .invalidEndpoint(url, source):
            "The endpoint \(url) from \(source) is not an absolute https:// URL with a host."
        case let .insecureEndpoint(url, source):
            "The endpoint \(url) from \(source) uses plain http:// on a non-loopback host; use https://, or http:// only with 127.0.0.1, ::1 or localhost."
        case let .profileNotFound(profile):
            "The profile \(profile) is not in the shared config or credentials file; check --profile or AWS_PROFILE."
        case let .invalidCABundle(path, source, reason):
            "the CA bundle \(path) (\(source)) cannot be used: \(reason); give a readable file of PEM certificates, or unset it to trust the system's roots"
        case let .invalidProxy(variable, reason):
            "The proxy in \(variable) cannot be used: \(reason)."
        }
    }
}
