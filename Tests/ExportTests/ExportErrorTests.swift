import CodeArtifact
@testable import Export
import JSONLines
import Testing

/// Pins `ExportError`: the classification table of `from(_:operation:domain:owner:)` (which
/// read failures end an export how), which of them a rerun continues, and that each message
/// says what to do.
@Suite struct ExportErrorTests {
    /// The case's name, since `ExportError` is not `Equatable`.
    static func name(_ error: ExportError) -> String {
        switch error {
        case .unknownDomain: "unknownDomain"
        case .unknownRepositories: "unknownRepositories"
        case .accessDenied: "accessDenied"
        case .notFound: "notFound"
        case .credentials: "credentials"
        case .unavailable: "unavailable"
        case .refused: "refused"
        case .foreignCheckpoint: "foreignCheckpoint"
        case .damagedCheckpoint: "damagedCheckpoint"
        }
    }

    static func service(_ type: String?, _ status: Int, message: String? = "m") -> ServiceError {
        ServiceError(typeName: type, message: message, httpStatus: status, requestID: "req", retryAfter: nil)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var error: any Error & Sendable
        var operation: String
        var expected: String
        var testDescription: String { "\(error) in \(operation)" }
    }

    struct Unclassified: Error, CustomStringConvertible { var description: String { "socket went away" } }

    static let rows: [Row] = [
        Row(error: service("ResourceNotFoundException", 404), operation: "ListRepositoriesInDomain", expected: "unknownDomain"),
        Row(error: service("ResourceNotFoundException", 404), operation: "ListPackages", expected: "notFound"),
        Row(error: service("ResourceNotFoundException", 404), operation: "DescribePackageVersion", expected: "notFound"),
        Row(error: service("AccessDeniedException", 403), operation: "ListPackages", expected: "accessDenied"),
        Row(error: service("ExpiredTokenException", 403), operation: "ListPackages", expected: "credentials"),
        Row(error: service("UnrecognizedClientException", 403), operation: "ListPackageVersions", expected: "credentials"),
        Row(error: service(nil, 403), operation: "ListPackages", expected: "credentials"),
        Row(error: service("ThrottlingException", 429), operation: "ListPackages", expected: "unavailable"),
        Row(error: service("InternalServerException", 500), operation: "ListPackages", expected: "unavailable"),
        Row(error: service("ConflictException", 409), operation: "ListPackages", expected: "unavailable"),
        Row(error: service(nil, 503), operation: "ListPackages", expected: "unavailable"),
        Row(error: service("ValidationException", 400), operation: "ListPackages", expected: "refused"),
        Row(error: service(nil, 400), operation: "ListPackages", expected: "refused"),
        Row(error: CredentialsError.noCredentials(tried: ["environment"]), operation: "ListPackages", expected: "credentials"),
        Row(error: CredentialsError.unreachable(provider: "container", reason: "x"), operation: "ListPackages", expected: "credentials"),
        Row(error: ConfigurationError.missingRegion(profile: "default"), operation: "ListPackages", expected: "credentials"),
        Row(error: ResponseDecodingError(operation: "ListPackages", httpStatus: 200, requestID: nil, reason: "garbled"),
            operation: "ListPackages", expected: "refused"),
        Row(error: FileError.errno(.writeFailed, file: "/tmp/x"), operation: "ListPackages", expected: "refused"),
        Row(error: Unclassified(), operation: "ListPackageVersions", expected: "unavailable"),
        Row(error: ExportError.foreignCheckpoint(directory: "d"), operation: "ListPackages", expected: "foreignCheckpoint"),
    ]

    @Test(arguments: rows)
    func readFailuresAreClassified(_ row: Row) {
        let error = ExportError.from(row.error, operation: row.operation, domain: "acme", owner: "111122223333")
        #expect(Self.name(error) == row.expected)
    }

    @Test func classifiedErrorsKeepWhatTheServiceSaid() {
        let denied = ExportError.from(Self.service("AccessDeniedException", 403, message: "not you"), operation: "ListPackages",
                                      domain: "acme", owner: nil)
        guard case .accessDenied(let operation, let message) = denied else { Issue.record("\(denied)"); return }
        #expect(operation == "ListPackages" && message == "not you")

        let expired = ExportError.from(Self.service("ExpiredTokenException", 403, message: "expired"), operation: "ListPackages",
                                       domain: "acme", owner: nil)
        guard case .credentials(let code, let text) = expired else { Issue.record("\(expired)"); return }
        #expect(code == "ExpiredTokenException" && text == "expired")

        let missing = ExportError.from(CredentialsError.noCredentials(tried: ["environment"]), operation: "ListPackages",
                                       domain: "acme", owner: nil)
        guard case .credentials(let missingCode, let missingText) = missing else { Issue.record("\(missing)"); return }
        #expect(missingCode == "no_credentials" && missingText == nil)

        let domain = ExportError.from(Self.service("ResourceNotFoundException", 404), operation: "ListRepositoriesInDomain",
                                      domain: "acme", owner: "111122223333")
        guard case .unknownDomain(let name, let owner) = domain else { Issue.record("\(domain)"); return }
        #expect(name == "acme" && owner == "111122223333")

        let busy = ExportError.from(Self.service("InternalServerException", 500, message: "oops"), operation: "ListPackages",
                                    domain: "acme", owner: nil)
        #expect(busy.description == "ListPackages kept failing: CodeArtifact InternalServerException (HTTP 500, request id req): oops;"
            + " check --endpoint-url, the network and the region, then run the same command again to continue")
    }

    @Test func onlyCredentialsUnavailabilityAndAccessResumeOrRefuseEveryRequest() {
        let all: [ExportError] = [
            .unknownDomain(domain: "acme", owner: nil), .unknownRepositories(["r"], domain: "acme"),
            .accessDenied(operation: "ListPackages", message: nil), .notFound(operation: "ListPackages", message: nil),
            .credentials(code: "ExpiredTokenException", message: nil), .unavailable(operation: "ListPackages", error: "e"),
            .refused(operation: "ListPackages", error: "e"), .foreignCheckpoint(directory: "d"), .damagedCheckpoint(file: "d/f"),
        ]
        #expect(all.filter(\.isResumable).map(Self.name) == ["accessDenied", "credentials", "unavailable"])
        #expect(all.map(\.isResumable) == all.map(\.refusesEveryRequest))
    }

    @Test func messagesSayWhatToDo() {
        #expect(ExportError.unknownDomain(domain: "acme", owner: nil).description
            == "domain acme was not found in your account; check --domain and --domain-owner (the account that owns the domain)")
        #expect(ExportError.unknownDomain(domain: "acme", owner: "111122223333").description.hasPrefix(
            "domain acme was not found in account 111122223333;"))
        #expect(ExportError.unknownRepositories(["a", "b"], domain: "acme").description
            == "domain acme has no repository named a, b; check --repository (names are case-sensitive)")
        #expect(ExportError.accessDenied(operation: "ListPackages", message: "no").description
            .hasPrefix("not allowed to call ListPackages (no); grant codeartifact:ListPackages"))
        #expect(ExportError.notFound(operation: "DescribePackageVersion", message: nil).description
            == "DescribePackageVersion: not found")
        #expect(ExportError.damagedCheckpoint(file: "out/inv.jsonl.export-state/progress.jsonl").description
            == "out/inv.jsonl.export-state/progress.jsonl is damaged; delete out/inv.jsonl.export-state to start the export over")
        #expect(ExportError.credentials(code: "ExpiredTokenException", message: nil).description
            .contains("(ExpiredTokenException)"))
    }
}
