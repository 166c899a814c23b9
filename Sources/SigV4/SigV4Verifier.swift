import Crypto
import Foundation
import Model

/// Checks SigV4 signatures on the server side by recomputing them with the signer's own steps.
///
/// Fast enough to check every request a server receives (the emulator's): the header is parsed
/// as bytes, the canonical request is hashed as bytes, and the signing key of the day is kept,
/// keyed, in a ``SigningKeyCache``. A refusal quotes the canonical request, as AWS does.
public struct SigV4Verifier: Sendable {
    /// The region the server answers for; `nil` accepts any.
    public var region: String?
    public var service: String
    public var clock: WallClock
    /// The largest accepted distance between `X-Amz-Date` and the server's clock (AWS allows 5 minutes).
    public var maximumSkew: TimeInterval
    /// Whether the canonical path has `.` and `..` segments and repeated slashes resolved (all services but S3).
    public var normalizesPath: Bool
    private let credentials: @Sendable (String) -> Credentials?
    private let keyCache: SigningKeyCache

    /// - Parameter credentials: the key pair an access key id names (with its session token and
    ///   expiration when it is temporary), or `nil` when the key is unknown.
    public init(region: String?, service: String, clock: WallClock = .system, maximumSkew: TimeInterval = 300,
                normalizesPath: Bool = true, keyCache: SigningKeyCache = SigningKeyCache(),
                credentials: @escaping @Sendable (String) -> Credentials?) {
        self.region = region
        self.service = service
        self.clock = clock
        self.maximumSkew = maximumSkew
        self.normalizesPath = normalizesPath
        self.keyCache = keyCache
        self.credentials = credentials
    }

    /// A verifier for long-term keys only: `secretAccessKey` gives the secret for an access key id.
    public init(region: String?, service: String, clock: WallClock = .system, maximumSkew: TimeInterval = 300,
                normalizesPath: Bool = true, keyCache: SigningKeyCache = SigningKeyCache(),
                secretAccessKey: @escaping @Sendable (String) -> String?) {
        self.init(region: region, service: service, clock: clock, maximumSkew: maximumSkew, normalizesPath: normalizesPath,
                  keyCache: keyCache) { id in secretAccessKey(id).map { Credentials(accessKeyID: id, secretAccessKey: $0) } }
    }

    /// A verifier for the keys in `keyRing`, as they are when each request arrives.
    public init(region: String?, service: String, clock: WallClock = .system, maximumSkew: TimeInterval = 300,
                normalizesPath: Bool = true, keyCache: SigningKeyCache = SigningKeyCache(), keyRing: KeyRing) {
        self.init(region: region, service: service, clock: clock, maximumSkew: maximumSkew, normalizesPath: normalizesPath,
                  keyCache: keyCache, credentials: { keyRing[$0] })
    }

    /// The parsed authorization of `request` when its signature is valid now.
    public func verify(_ request: SigningRequest) -> Result<AuthorizationHeader, SignatureVerificationError> {
        guard let header = request.header("authorization") else { return .failure(.missingAuthorization) }
        guard let authorization = AuthorizationHeader(parsing: header) else { return .failure(.malformedAuthorization) }
        guard let dateText = request.header("x-amz-date"), let time = Timestamp(basicFormat: dateText) else {
            return .failure(.invalidDate)
        }
        guard time.basicDate == authorization.scope.day else { return .failure(.invalidDate) }
        let expected = CredentialScope(day: authorization.scope.day, region: region ?? authorization.scope.region,
                                       service: service)
        guard authorization.scope == expected else {
            return .failure(.scopeMismatch(expected: expected, received: authorization.scope))
        }
        guard let known = credentials(authorization.accessKeyID) else {
            return .failure(.unknownAccessKey(accessKeyID: authorization.accessKeyID))
        }
        let now = clock.now()
        let date = time.date
        guard abs(now.timeIntervalSince(date)) <= maximumSkew else {
            return .failure(.clockSkew(requestTime: date, serverTime: now))
        }
        let payloadHash = request.header("x-amz-content-sha256") ?? SigV4Signer.hexSHA256(request.body)
        let canonical = CanonicalRequest.bytes(request, signedHeaders: authorization.signedHeaders, payloadHash: payloadHash,
                                               normalizesPath: normalizesPath)
        let toSign = SigV4Signer.stringToSign(canonicalRequest: canonical, time: time, scope: expected)
        let signature = SigV4Signer.signature(of: toSign, keyCache.hmac(credentials: known, day: expected.day,
                                                                         region: expected.region, service: service))
        guard Self.constantTimeEqual(signature, authorization.signature.utf8) else {
            return .failure(.signatureMismatch(canonicalRequest: String(decoding: canonical, as: UTF8.self)))
        }
        // Temporary keys are only half of a credential: the session token issued with them must come
        // along, and they stop working when they expire, whatever the signature says.
        let token = request.header("x-amz-security-token")
        switch (known.sessionToken, token) {
        case (nil, nil): break
        case let (expected?, sent?) where Self.constantTimeEqual(Array(expected.utf8), sent.utf8): break
        default: return .failure(.invalidSessionToken)
        }
        if let expiration = known.expiration, expiration <= now { return .failure(.expiredToken) }
        return .success(authorization)
    }

    private static func constantTimeEqual(_ x: [UInt8], _ y: String.UTF8View) -> Bool {
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(x, y) { difference |= a ^ b }
        return difference == 0
    }
}
