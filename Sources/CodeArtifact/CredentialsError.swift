/// Why no usable credentials could be obtained; messages name providers and files, never secrets.
public enum CredentialsError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    /// Every provider of the chain was tried and none was configured.
    case noCredentials(tried: [String])
    /// A credential endpoint could not be reached.
    case unreachable(provider: String, reason: String)
    /// A credential endpoint answered with an error status (and, for STS, an error code).
    case refused(provider: String, httpStatus: Int, errorCode: String?)
    /// A credential endpoint or process answered with something that is not credentials.
    case malformedResponse(provider: String)
    /// A `credential_process` could not run or exited unsuccessfully.
    case processFailed(profile: String, exitStatus: Int32)
    /// A file the configuration points to (web identity token, authorization token) cannot be read.
    case unreadableFile(provider: String, path: String)
    /// A profile sets something this version of cabatch does not support.
    case unsupported(profile: String, setting: String)
    /// A container credentials URI outside the hosts AWS allows.
    case forbiddenContainerHost(host: String)
    /// A profile's settings contradict each other or point nowhere (a `source_profile` cycle, a missing source).
    case invalidProfile(profile: String, reason: String)
    /// A role needs an MFA code and there is no terminal to ask for it on.
    case mfaNeedsTerminal(profile: String, serial: String)
    /// The IAM Identity Center token is missing or expired; only `aws sso login` gets a new one.
    case ssoLoginRequired(profile: String, reason: String)

    public var code: String {
        switch self {
        case .noCredentials: "no_credentials"
        case .unreachable: "credentials_unreachable"
        case .refused: "credentials_refused"
        case .malformedResponse: "credentials_malformed"
        case .processFailed: "credential_process_failed"
        case .unreadableFile: "credentials_file_unreadable"
        case .unsupported: "credentials_unsupported"
        case .forbiddenContainerHost: "container_host_forbidden"
        case .invalidProfile: "profile_invalid"
        case .mfaNeedsTerminal: "mfa_needs_terminal"
        case .ssoLoginRequired: "sso_login_required"
        }
    }

    // Nothing can be sent without credentials, and asking the same source again rarely helps.
    public var classification: ErrorClassification {
        switch self {
        case .unreachable: ErrorClassification(retry: .transient, scope: .run)
        default: ErrorClassification(retry: .permanent, scope: .run)
        }
    }

    public var description: String {
        switch self {
        case let .noCredentials(tried):
            "No AWS credentials found (tried \(tried.joined(separator: ", "))); set AWS_PROFILE or AWS_ACCESS_KEY_ID, or run `aws configure`."
        case let .unreachable(provider, reason):
            "The \(provider) credential source could not be reached (\(reason))."
        case let .refused(provider, httpStatus, errorCode):
            "The \(provider) credential source refused with HTTP \(httpStatus)" + (errorCode.map { " \($0)" } ?? "") + "."
        case let .malformedResponse(provider):
            "The \(provider) credential source answered with something that is not a credentials document."
        case let .processFailed(profile, exitStatus):
            "The credential_process of profile \(profile) failed with exit status \(exitStatus)."
        case let .unreadableFile(provider, path):
            "The \(provider) credential source cannot read \(path)."
        case let .unsupported(profile, setting):
            "Profile \(profile) uses \(setting), which cabatch does not support yet; export credentials with `aws configure export-credentials`."
        case let .forbiddenContainerHost(host):
            "AWS_CONTAINER_CREDENTIALS_FULL_URI points to \(host), which is neither loopback nor a container credentials address."
        case let .invalidProfile(profile, reason):
            "Profile \(profile) cannot give credentials: \(reason)."
        case let .mfaNeedsTerminal(profile, serial):
            "Profile \(profile) assumes a role that needs an MFA code (\(serial)), and there is no terminal to ask for it; "
                + "run cabatch on a terminal, or export credentials with `aws configure export-credentials --profile \(profile)`."
        case let .ssoLoginRequired(profile, reason):
            "The IAM Identity Center session of profile \(profile) \(reason); run `aws sso login --profile \(profile)`."
        }
    }
}
