import Crypto
import Foundation
import Model

/// Signs requests with AWS Signature Version 4, exposing each of AWS's steps so they can be checked.
///
/// The steps follow https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html.
/// All of them are pure; the only input from the world is the injected clock. `SigV4Verifier`
/// recomputes signatures with the same steps.
public struct SigV4Signer: Sendable {
    /// The algorithm name that opens the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// Headers that proxies and HTTP stacks rewrite, so signing them would break requests (as botocore does).
    public static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id"]

    public var credentials: Credentials
    public var region: String
    public var service: String
    public var clock: WallClock
    /// Whether `.` and `..` segments and repeated slashes are removed from the canonical path (all services but S3).
    public var normalizesPath: Bool
    /// Whether the signer adds `x-amz-content-sha256` (S3 wants it; most services do not).
    public var addsContentSHA256Header: Bool
    public let keyCache: SigningKeyCache
    /// Headers the signer sets itself.
    private static let replacedHeaders: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token"]

    public init(credentials: Credentials, region: String, service: String, clock: WallClock = .system,
                normalizesPath: Bool = true, addsContentSHA256Header: Bool = false,
                keyCache: SigningKeyCache = SigningKeyCache()) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.clock = clock
        self.normalizesPath = normalizesPath
        self.addsContentSHA256Header = addsContentSHA256Header
        self.keyCache = keyCache
    }

    /// `request` with `x-amz-date`, `x-amz-security-token` (when there is one) and `Authorization` set.
    public func sign(_ request: SigningRequest) -> SigningRequest {
        steps(for: request, at: clock.now()).signedRequest
    }

    /// Every intermediate value of signing `request` at `date`.
    public func steps(for request: SigningRequest, at date: Date) -> SigningSteps {
        let time = Timestamp(flooring: date)
        var prepared = request
        prepared.headers.removeAll { Self.replacedHeaders.contains(HeaderName.lowercased($0.name)) }
        prepared.headers.append(HeaderField("X-Amz-Date", time.basicFormat))
        if let token = credentials.sessionToken {
            prepared.headers.append(HeaderField("X-Amz-Security-Token", token))
        }
        let payloadHash = Self.hexSHA256(request.body)
        if addsContentSHA256Header {
            prepared.setHeader("X-Amz-Content-SHA256", payloadHash)
        }
        let names = Self.signedHeaderNames(prepared.headers)
        let canonical = CanonicalRequest.bytes(prepared, signedHeaders: names, payloadHash: payloadHash,
                                               normalizesPath: normalizesPath)
        let scope = CredentialScope(day: time.basicDate, region: region, service: service)
        let toSign = Self.stringToSign(canonicalRequest: canonical, time: time, scope: scope)
        let signature = String(decoding: Self.signature(of: toSign, keyCache.hmac(credentials: credentials, day: scope.day,
                                                                                    region: region, service: service)),
                               as: UTF8.self)
        let authorization = AuthorizationHeader(accessKeyID: credentials.accessKeyID, scope: scope,
                                                signedHeaders: names, signature: signature)
        var signed = prepared
        signed.headers.append(HeaderField("Authorization", authorization.rendered))
        return SigningSteps(canonicalRequest: String(decoding: canonical, as: UTF8.self),
                            stringToSign: String(decoding: toSign, as: UTF8.self), signature: signature,
                            authorization: authorization, signedRequest: signed)
    }

    /// The signing key for `day` (`yyyyMMdd`), from the shared cache.
    public func signingKey(day: String) -> SymmetricKey {
        keyCache.key(credentials: credentials, day: day, region: region, service: service)
    }

    // MARK: - The steps

    /// Step 1, the canonical request: method, URI, query, headers, signed header list and payload hash.
    public static func canonicalRequest(_ request: SigningRequest, signedHeaders: [String], payloadHash: String,
                                        normalizesPath: Bool = true) -> String {
        String(decoding: CanonicalRequest.bytes(request, signedHeaders: signedHeaders, payloadHash: payloadHash,
                                                normalizesPath: normalizesPath),
               as: UTF8.self)
    }

    /// Step 2, the string to sign: algorithm, timestamp, credential scope and the canonical request's hash.
    static func stringToSign(canonicalRequest: [UInt8], time: Timestamp, scope: CredentialScope) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        out.append(contentsOf: algorithm.utf8)
        out.append(0x0A)
        time.appendBasicFormat(to: &out)
        out.append(0x0A)
        out.append(contentsOf: scope.rendered.utf8)
        out.append(0x0A)
        LowercaseHex.append(SHA256.hash(data: canonicalRequest), to: &out)
        return out
    }

    /// Step 3, the signing key: the secret HMAC-chained through day, region, service and `aws4_request`.
    public static func signingKey(secretAccessKey: String, day: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// Step 4, the signature: the hex HMAC of the string to sign under the signing key, given
    /// as an HMAC already keyed with it (``SigningKeyCache``).
    static func signature(of stringToSign: [UInt8], _ keyed: HMAC<SHA256>) -> [UInt8] {
        var mac = keyed
        mac.update(data: stringToSign)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        LowercaseHex.append(mac.finalize(), to: &out)
        return out
    }

    // MARK: - Canonicalization helpers

    /// The sorted, lower-cased, de-duplicated names of the headers that get signed.
    public static func signedHeaderNames(_ headers: [HeaderField]) -> [String] {
        var names = headers.map { HeaderName.lowercased($0.name) }.filter { !unsignedHeaders.contains($0) }
        names.sort()
        var unique: [String] = []
        unique.reserveCapacity(names.count)
        for name in names where unique.last != name { unique.append(name) }
        return unique
    }

    /// The lower-case hex SHA-256 of `bytes`.
    public static func hexSHA256(_ bytes: [UInt8]) -> String {
        LowercaseHex.string(SHA256.hash(data: bytes))
    }
}

extension Timestamp {
    /// A clock's `Date` as the signature's time: its whole second, never the next.
    init(flooring date: Date) { self.init(flooringSecondsSinceEpoch: date.timeIntervalSince1970) }

    /// The time as a `Date`, for clocks and skew.
    var date: Date { Date(timeIntervalSince1970: secondsSinceEpoch) }
}
