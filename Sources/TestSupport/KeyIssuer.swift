import Foundation
import Model
import SigV4

/// A token service's side of temporary credentials in tests: it hands out key pairs with session
/// tokens into a ``KeyRing`` (the emulator's, so that the service then accepts exactly those), and
/// checks the signatures of the requests asking for them against the same ring.
public final class KeyIssuer: Sendable {
    public let ring: KeyRing
    private let count = Counter()

    public init(ring: KeyRing) {
        self.ring = ring
    }

    /// A fresh temporary key pair valid for `lifetime` from `now`, named `prefix` followed by a
    /// number counted from 1 across every prefix.
    @discardableResult
    public func issue(prefix: String, lifetime: TimeInterval, now: Date = Date()) -> Credentials {
        let number = count.next()
        let credentials = Credentials(accessKeyID: "\(prefix)\(number)", secretAccessKey: "secretTEMP\(prefix)\(number)",
                                      sessionToken: "tokenTEMP\(prefix)\(number)", expiration: now.addingTimeInterval(lifetime))
        ring.insert(credentials)
        return credentials
    }

    /// How many key pairs were issued.
    public var issuedCount: Int { count.value }

    /// The access key id that signed `request` for `service`, or the refusal AWS would send.
    public func verify(_ request: LoopbackServer.Request, service: String, clock: WallClock = .system)
        -> Result<String, SignatureVerificationError> {
        let verifier = SigV4Verifier(region: "us-east-1", service: service, clock: clock, keyRing: ring)
        let signing = SigningRequest(method: request.method, rawPath: request.path, rawQuery: request.rawQuery,
                                     headers: request.headers, body: request.body)
        return verifier.verify(signing).map(\.accessKeyID)
    }

    /// STS's query-protocol answer carrying `credentials`.
    public static func stsAnswer(_ credentials: Credentials, action: String = "AssumeRole") -> LoopbackServer.Response {
        let expiration = credentials.expiration.map { Timestamp(secondsSinceEpoch: $0.timeIntervalSince1970.rounded(.down)).iso8601Seconds }
        return .text("""
            <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><\(action)Result><Credentials>
            <AccessKeyId>\(credentials.accessKeyID)</AccessKeyId><SecretAccessKey>\(credentials.secretAccessKey)</SecretAccessKey>
            <SessionToken>\(credentials.sessionToken ?? "")</SessionToken>
            <Expiration>\(expiration ?? "")</Expiration>
            </Credentials></\(action)Result></\(action)Response>
            """)
    }

    /// STS's query-protocol error answer.
    public static func stsError(_ code: String, status: Int = 403) -> LoopbackServer.Response {
        .text("<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code></Error></ErrorResponse>", status: status)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int { lock.withLock { count += 1; return count } }
        var value: Int { lock.withLock { count } }
    }
}
