import Foundation

/// Checks SigV4 signatures on the server side by recomputing them with the signer's own steps.
public struct SigV4Verifier: Sendable {
    /// The region the server answers for; `nil` accepts any.
    public var region: String?
    public var service: String
    public var clock: WallClock
    /// The largest accepted distance between `X-Amz-Date` and the server's clock (AWS allows 5 minutes).
    public var maximumSkew: TimeInterval
    private let secretAccessKey: @Sendable (String) -> String?
    private let keyCache: SigningKeyCache

    /// - Parameter secretAccessKey: the secret for an access key id, or `nil` when the key is unknown.
    public init(region: String?, service: String, clock: WallClock = .system, maximumSkew: TimeInterval = 300,
                keyCache: SigningKeyCache = SigningKeyCache(),
                secretAccessKey: @escaping @Sendable (String) -> String?) {
        self.region = region
        self.service = service
        self.clock = clock
        self.maximumSkew = maximumSkew
        self.keyCache = keyCache
        self.secretAccessKey = secretAccessKey
    }

    /// The parsed authorization of `request` when its signature is valid now.
    public func verify(_ request: SigningRequest) -> Result<AuthorizationHeader, SignatureVerificationError> {
        guard let header = request.header("authorization") else { return .failure(.missingAuthorization) }
        guard let authorization = AuthorizationHeader(parsing: header) else { return .failure(.malformedAuthorization) }
        guard let dateText = request.header("x-amz-date"), let date = AMZDate.parse(dateText),
              AMZDate.day(date) == authorization.scope.day
        else { return .failure(.invalidDate) }
        let expected = CredentialScope(day: authorization.scope.day, region: region ?? authorization.scope.region,
                                       service: service)
        guard authorization.scope == expected else {
            return .failure(.scopeMismatch(expected: expected, received: authorization.scope))
        }
        guard let secret = secretAccessKey(authorization.accessKeyID) else {
            return .failure(.unknownAccessKey(accessKeyID: authorization.accessKeyID))
        }
        let now = clock.now()
        guard abs(now.timeIntervalSince(date)) <= maximumSkew else {
            return .failure(.clockSkew(requestTime: date, serverTime: now))
        }
        let payloadHash = request.header("x-amz-content-sha256") ?? SigV4Signer.hexSHA256(request.body)
        let canonical = SigV4Signer.canonicalRequest(request, signedHeaders: authorization.signedHeaders,
                                                     payloadHash: payloadHash)
        let signer = SigV4Signer(credentials: Credentials(accessKeyID: authorization.accessKeyID, secretAccessKey: secret),
                                 region: expected.region, service: service, clock: clock, keyCache: keyCache)
        let toSign = SigV4Signer.stringToSign(canonicalRequest: canonical, date: date, scope: expected)
        let signature = SigV4Signer.signature(stringToSign: toSign, signingKey: signer.signingKey(day: expected.day))
        guard constantTimeEqual(signature, authorization.signature) else {
            return .failure(.signatureMismatch(canonicalRequest: canonical))
        }
        return .success(authorization)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
