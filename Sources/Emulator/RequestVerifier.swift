import Crypto
import Foundation
import SigV4

/// Checks a request's SigV4 signature with the `SigV4` target's own steps, as `SigV4Verifier`
/// does, but on bytes rather than strings.
///
/// Every request is verified, so the verifier's string handling was a sixth of the emulator's
/// time per request: `AuthorizationHeader(parsing:)` trims through `NSString`, header lookups
/// lower-case every name, and the canonical request is built as a string only to be hashed.
/// Here the header is parsed as ASCII bytes, the canonical request is hashed as bytes
/// (``CanonicalRequestBytes``) and the day's signing key is kept. Same checks, same order, same
/// errors as `SigV4Verifier`; `RequestVerifierTests` holds the two to the same answers.
struct RequestVerifier: Sendable {
    let region: String
    let service = "codeartifact"
    let clock: WallClock
    let maximumSkew: TimeInterval = 300
    let accessKeyID: String
    private let secretAccessKey: String
    private let signingKeys = DailySigningKey()

    init(accessKeyID: String, secretAccessKey: String, region: String, clock: WallClock) {
        self.region = region
        self.clock = clock
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
    }

    func verify(_ request: SigningRequest) -> Result<AuthorizationHeader, SignatureVerificationError> {
        guard let header = request.firstHeader(lowercasedName: "authorization") else { return .failure(.missingAuthorization) }
        guard let authorization = Self.parse(header) else { return .failure(.malformedAuthorization) }
        guard let dateText = request.firstHeader(lowercasedName: "x-amz-date"), let date = AMZDate.parse(dateText) else {
            return .failure(.invalidDate)
        }
        // `AMZDate.day(date)` is this timestamp's first 8 characters; the string to sign needs the whole.
        let timestamp = AMZDate.timestamp(date)
        guard String(timestamp.prefix(8)) == authorization.scope.day else { return .failure(.invalidDate) }
        let expected = CredentialScope(day: authorization.scope.day, region: region, service: service)
        guard authorization.scope == expected else {
            return .failure(.scopeMismatch(expected: expected, received: authorization.scope))
        }
        guard authorization.accessKeyID == accessKeyID else {
            return .failure(.unknownAccessKey(accessKeyID: authorization.accessKeyID))
        }
        let now = clock.now()
        guard abs(now.timeIntervalSince(date)) <= maximumSkew else {
            return .failure(.clockSkew(requestTime: date, serverTime: now))
        }
        let payloadHash = request.firstHeader(lowercasedName: "x-amz-content-sha256") ?? SigV4Signer.hexSHA256(request.body)
        let canonical = CanonicalRequestBytes.build(request, signedHeaders: authorization.signedHeaders, payloadHash: payloadHash)

        // The string to sign, as `SigV4Signer.stringToSign` writes it.
        var toSign: [UInt8] = []
        toSign.reserveCapacity(160)
        toSign.append(contentsOf: SigV4Signer.algorithm.utf8)
        toSign.append(0x0A)
        toSign.append(contentsOf: timestamp.utf8)
        toSign.append(0x0A)
        toSign.append(contentsOf: expected.day.utf8)
        toSign.append(UInt8(ascii: "/"))
        toSign.append(contentsOf: expected.region.utf8)
        toSign.append(UInt8(ascii: "/"))
        toSign.append(contentsOf: expected.service.utf8)
        toSign.append(contentsOf: "/aws4_request\n".utf8)
        Self.appendHex(SHA256.hash(data: canonical), to: &toSign)

        var mac = signingKeys.hmac(day: expected.day) {
            SigV4Signer.signingKey(secretAccessKey: secretAccessKey, day: $0, region: region, service: service)
        }
        mac.update(data: toSign)
        var signature: [UInt8] = []
        signature.reserveCapacity(64)
        Self.appendHex(mac.finalize(), to: &signature)
        guard Self.constantTimeEqual(signature, authorization.signature.utf8) else {
            // The refusal quotes the canonical request, as the service does; only refusals pay for the string.
            let text = SigV4Signer.canonicalRequest(request, signedHeaders: authorization.signedHeaders, payloadHash: payloadHash)
            return .failure(.signatureMismatch(canonicalRequest: text))
        }
        return .success(authorization)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, as `SigV4Signer` writes digests.
    static func appendHex<D: Sequence>(_ digest: D, to out: inout [UInt8]) where D.Element == UInt8 {
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static func constantTimeEqual(_ x: [UInt8], _ y: String.UTF8View) -> Bool {
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(x, y) { difference |= a ^ b }
        return difference == 0
    }
}
