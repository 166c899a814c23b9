import CodeArtifact
import Foundation
import Logging
import Model
import SigV4

/// The key pairs a test's credential sources hand out, so that the CodeArtifact stand-in accepts
/// exactly those (with their session tokens) and nothing else.
final class IssuedKeys: @unchecked Sendable {
    struct Issued: Sendable {
        var secret: String
        var token: String?
        var expiration: Date
    }

    private let lock = NSLock()
    private var keys: [String: Issued] = [:]
    private var count = 0

    /// A fresh temporary key pair valid for `lifetime`, numbered from 1 under `prefix`.
    func issue(prefix: String, lifetime: TimeInterval, now: Date = Date()) -> (id: String, Issued) {
        lock.withLock {
            count += 1
            let id = "\(prefix)\(count)"
            let issued = Issued(secret: "secretTEMP\(prefix)\(count)", token: "tokenTEMP\(prefix)\(count)",
                                expiration: now.addingTimeInterval(lifetime))
            keys[id] = issued
            return (id, issued)
        }
    }

    func add(_ id: String, secret: String, token: String? = nil) {
        lock.withLock { keys[id] = Issued(secret: secret, token: token, expiration: .distantFuture) }
    }

    /// Only the newest key of `prefix` stays valid, as when a provider's credentials expired.
    func revokeAllBut(_ id: String, prefix: String) {
        lock.withLock { keys = keys.filter { !$0.key.hasPrefix(prefix) || $0.key == id } }
    }

    /// Why a request was refused: the error type AWS would send.
    struct Denied: Error {
        var type: String
    }

    subscript(id: String) -> Issued? { lock.withLock { keys[id] } }
    var issuedCount: Int { lock.withLock { count } }

    /// Checks `request`'s signature for `service` against these keys and its session token; the
    /// access key id that signed it, or why not.
    func verify(_ request: LoopbackServer.Request, service: String) -> Result<String, Denied> {
        let verifier = SigV4Verifier(region: "us-east-1", service: service, maximumSkew: 3_600) { self[$0]?.secret }
        let signing = SigningRequest(method: request.method, rawPath: request.path, rawQuery: request.rawQuery,
                                     headers: request.headers, body: request.body)
        switch verifier.verify(signing) {
        case let .failure(error): return .failure(Denied(type: error.awsErrorType))
        case let .success(authorization):
            guard request.header("X-Amz-Security-Token") == self[authorization.accessKeyID]?.token else {
                return .failure(Denied(type: "InvalidClientTokenId"))
            }
            return .success(authorization.accessKeyID)
        }
    }
}

enum CredentialTestServers {
    static let package = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "left-pad")

    /// A CodeArtifact stand-in that answers a delete only when signed by a key in `keys`.
    static func service(_ keys: IssuedKeys) async throws -> LoopbackServer {
        try await LoopbackServer { request in
            switch keys.verify(request, service: "codeartifact") {
            case let .failure(denied):
                return .json(#"{"message":"denied"}"#, status: 403, headers: [HeaderField("x-amzn-ErrorType", denied.type)])
            case .success:
                return .json(#"{"successfulVersions":{"1.0.0":{"revision":"R1","status":"Deleted"}},"failedVersions":{}}"#)
            }
        }
    }

    /// The STS query protocol's answer with `id`'s keys.
    static func assumeRoleAnswer(_ id: String, _ issued: IssuedKeys.Issued, action: String = "AssumeRole") -> LoopbackServer.Response {
        .text("""
            <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><\(action)Result><Credentials>
            <AccessKeyId>\(id)</AccessKeyId><SecretAccessKey>\(issued.secret)</SecretAccessKey>
            <SessionToken>\(issued.token ?? "")</SessionToken>
            <Expiration>\(Timestamp(secondsSinceEpoch: issued.expiration.timeIntervalSince1970.rounded(.down)).iso8601Seconds)</Expiration>
            </Credentials></\(action)Result></\(action)Response>
            """)
    }

    static func stsError(_ code: String, status: Int = 403) -> LoopbackServer.Response {
        .text("<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code></Error></ErrorResponse>", status: status)
    }

    /// Sends one delete through a client built from `configuration`; the access key that signed it.
    static func deleteOnce(_ configuration: ClientConfiguration, service: LoopbackServer, clock: WallClock = .system,
                           logger: Logger = Logger(label: "test")) async throws -> String? {
        let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch-tests", concurrency: 1,
                                        connectTimeout: 10, readTimeout: 20, clock: clock, logger: logger)
        do {
            _ = try await client.send(DeletePackageVersions(package: package, versions: ["1.0.0"]))
            try await client.shutdown()
        } catch {
            try await client.shutdown()
            throw error
        }
        return service.requests.last.flatMap { $0.header("Authorization") }.flatMap(AuthorizationHeader.init(parsing:))?.accessKeyID
    }
}
