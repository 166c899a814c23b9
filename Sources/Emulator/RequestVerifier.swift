import Foundation
import SigV4

/// Checks a request's SigV4 signature with the `SigV4` target's own steps, as `SigV4Verifier`
/// does, but parses the `Authorization` header without Foundation.
///
/// `AuthorizationHeader(parsing:)` trims every part through `NSString`, which was a fifth of
/// the emulator's time per request. Same checks, same order, same errors as `SigV4Verifier`;
/// `RequestVerifierTests` holds the two to the same answers. Drop this adapter for
/// `SigV4Verifier` once its parser is as fast.
struct RequestVerifier: Sendable {
    let region: String
    let service = "codeartifact"
    let clock: WallClock
    let maximumSkew: TimeInterval = 300
    let accessKeyID: String
    /// Signs with the one accepted key pair; its cache holds the signing key per day.
    let signer: SigV4Signer

    init(accessKeyID: String, secretAccessKey: String, region: String, clock: WallClock) {
        self.region = region
        self.clock = clock
        self.accessKeyID = accessKeyID
        signer = SigV4Signer(credentials: Credentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey),
                             region: region, service: "codeartifact", clock: clock)
    }

    func verify(_ request: SigningRequest) -> Result<AuthorizationHeader, SignatureVerificationError> {
        guard let header = request.header("authorization") else { return .failure(.missingAuthorization) }
        guard let authorization = Self.parse(header) else { return .failure(.malformedAuthorization) }
        guard let dateText = request.header("x-amz-date"), let date = AMZDate.parse(dateText),
              AMZDate.day(date) == authorization.scope.day
        else { return .failure(.invalidDate) }
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
        let payloadHash = request.header("x-amz-content-sha256") ?? SigV4Signer.hexSHA256(request.body)
        let canonical = SigV4Signer.canonicalRequest(request, signedHeaders: authorization.signedHeaders,
                                                     payloadHash: payloadHash)
        let toSign = SigV4Signer.stringToSign(canonicalRequest: canonical, date: date, scope: expected)
        let signature = SigV4Signer.signature(stringToSign: toSign, signingKey: signer.signingKey(day: expected.day))
        guard Self.constantTimeEqual(signature, authorization.signature) else {
            return .failure(.signatureMismatch(canonicalRequest: canonical))
        }
        return .success(authorization)
    }

    /// `AWS4-HMAC-SHA256 Credential=AKID/day/region/service/aws4_request, SignedHeaders=a;b, Signature=hex`,
    /// with the same acceptance rules as `AuthorizationHeader(parsing:)`.
    static func parse(_ value: String) -> AuthorizationHeader? {
        let trimmed = value.trimmingASCIISpaces()
        let prefix = SigV4Signer.algorithm + " "
        guard trimmed.hasPrefix(prefix) else { return nil }
        var fields: [Substring: Substring] = [:]
        for part in trimmed.dropFirst(prefix.count).split(separator: ",") {
            let pair = part.trimmingASCIISpaces().split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[pair[0]] = pair[1]
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
              let signature = fields["Signature"], !signature.isEmpty, !signed.isEmpty
        else { return nil }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[4] == "aws4_request", !parts[0].isEmpty else { return nil }
        return AuthorizationHeader(accessKeyID: parts[0], scope: CredentialScope(day: parts[1], region: parts[2], service: parts[3]),
                                   signedHeaders: signed.split(separator: ";").map(String.init), signature: String(signature))
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end (`CharacterSet.whitespaces` for the ASCII a header holds).
    func trimmingASCIISpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
