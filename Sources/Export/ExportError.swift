import CodeArtifact
import JSONLines
import Model

/// Why an export cannot go on, each with what to do; `isResumable` says whether the same
/// command, run again later, continues it.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    case unknownDomain(domain: String, owner: String?)
    case unknownRepositories([String], domain: String)
    case accessDenied(operation: String, message: String?)
    /// A repository, package or version named in a read no longer exists.
    case notFound(operation: String, message: String?)
    /// Credentials the service refuses (expired, invalid, unsigned): every other read would fail alike.
    case credentials(code: String, message: String?)
    /// The endpoint could not be reached, or answered with errors until the attempts ran out.
    case unavailable(operation: String, error: String)
    /// The service refused a read for a reason that asking again will not change.
    case refused(operation: String, error: String)
    /// The checkpoint directory was made by an export of another scope.
    case foreignCheckpoint(directory: String)
    case damagedCheckpoint(file: String)

    /// Whether running the same command again continues from where this stopped.
    public var isResumable: Bool {
        switch self {
        case .credentials, .unavailable, .accessDenied: true
        default: false
        }
    }

    /// Every failure worth resuming after is one that each other read would meet too (the
    /// same credentials, the same endpoint): refused before anything was listed, it is exit 4.
    public var refusesEveryRequest: Bool { isResumable }

    public var description: String {
        switch self {
        case .unknownDomain(let domain, let owner):
            "domain \(domain) was not found\(owner.map { " in account \($0)" } ?? " in your account"); check --domain and --domain-owner (the account that owns the domain)"
        case .unknownRepositories(let names, let domain):
            "domain \(domain) has no repository named \(names.joined(separator: ", ")); check --repository (names are case-sensitive)"
        case .accessDenied(let operation, let message):
            "not allowed to call \(operation)\(message.map { " (\($0))" } ?? ""); grant codeartifact:\(operation) to these credentials, then run the same command again to continue"
        case .credentials(let code, let message):
            "the service refused the credentials (\(code)\(message.map { ": \($0)" } ?? "")); refresh them (aws sso login, or new keys), then run the same command again to continue"
        case .unavailable(let operation, let error):
            "\(operation) kept failing: \(error); check --endpoint-url, the network and the region, then run the same command again to continue"
        case .notFound(let operation, let message):
            "\(operation): not found\(message.map { " (\($0))" } ?? "")"
        case .refused(let operation, let error):
            "\(operation) was refused: \(error)"
        case .foreignCheckpoint(let directory):
            "\(directory) holds an unfinished export with other options; run that export again to finish it, or delete the directory to start over"
        case .damagedCheckpoint(let file):
            "\(file) is damaged; delete \(file.split(separator: "/").dropLast().joined(separator: "/")) to start the export over"
        }
    }

    /// What a read's failure means for the export, after the pacer's retries.
    static func from(_ error: any Error, operation: String, domain: String, owner: String?) -> ExportError {
        if let error = error as? ExportError { return error }
        if let service = error as? ServiceError {
            switch service.type {
            case .resourceNotFound? where operation == "ListRepositoriesInDomain":
                return .unknownDomain(domain: domain, owner: owner)
            case .resourceNotFound?:
                return .notFound(operation: operation, message: service.message)
            case .accessDenied?:
                return .accessDenied(operation: operation, message: service.message)
            default:
                break
            }
            if service.classification.scope == .run { return .credentials(code: service.code, message: service.message) }
            if service.classification.isRetryable { return .unavailable(operation: operation, error: "\(service)") }
            return .refused(operation: operation, error: "\(service)")
        }
        if let classified = error as? any ClassifiedError, classified.classification.scope == .run {
            return .credentials(code: classified.code, message: nil)
        }
        if error is FileError || error is ResponseDecodingError { return .refused(operation: operation, error: "\(error)") }
        return .unavailable(operation: operation, error: "\(error)")
    }
}
