/// The parts of an `AWS4-HMAC-SHA256` `Authorization` header.
///
/// The signature is an HMAC output, not a secret, but it still authorizes a replay within the
/// clock-skew window, so renderings meant for people use `redacted`.
public struct AuthorizationHeader: Sendable, Hashable {
    public var accessKeyID: String
    public var scope: CredentialScope
    public var signedHeaders: [String]
    public var signature: String

    public init(accessKeyID: String, scope: CredentialScope, signedHeaders: [String], signature: String) {
        self.accessKeyID = accessKeyID
        self.scope = scope
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// The header value as sent.
    public var rendered: String {
        "\(SigV4Signer.algorithm) Credential=\(accessKeyID)/\(scope.rendered), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }

    /// The header value with the signature replaced by `<redacted>`, for dry runs and logs.
    public var redacted: String {
        "\(SigV4Signer.algorithm) Credential=\(accessKeyID)/\(scope.rendered), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=<redacted>"
    }

    /// Parses a header value; `nil` when it is not a well-formed `AWS4-HMAC-SHA256` authorization.
    ///
    /// `AWS4-HMAC-SHA256 ` then `,`-separated `name=value` parts, each trimmed of spaces and tabs
    /// (empty parts skipped, leading `=`s of a name dropped, a part without a value refused, the
    /// last of a repeated name kept); `Credential` must be `AKID/day/region/service/aws4_request`
    /// with a non-empty key id, `SignedHeaders` a `;` list (empty names dropped) and every
    /// value non-empty. Read as UTF-8 bytes: every delimiter is ASCII, which UTF-8 never
    /// uses inside a multi-byte character.
    public init?(parsing value: String) {
        var value = value
        guard let parsed = value.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AuthorizationHeader? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound, end = range.upperBound
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return start..<end
        }
        func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count == text.utf8CodeUnitCount
                && text.withUTF8Buffer { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[range])) }
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        let all = trimmed(0..<bytes.count)
        let prefix = SigV4Signer.algorithm.utf8.count + 1
        guard all.count >= prefix, equals(all.lowerBound..<(all.lowerBound + prefix), "AWS4-HMAC-SHA256 ") else { return nil }

        var credential: Range<Int>?, signed: Range<Int>?, signature: Range<Int>?
        var partStart = all.lowerBound + prefix
        while partStart < all.upperBound {
            var partEnd = partStart
            while partEnd < all.upperBound, bytes[partEnd] != UInt8(ascii: ",") { partEnd += 1 }
            defer { partStart = partEnd + 1 }
            guard partEnd > partStart else { continue }
            let part = trimmed(partStart..<partEnd)
            var nameStart = part.lowerBound
            while nameStart < part.upperBound, bytes[nameStart] == UInt8(ascii: "=") { nameStart += 1 }
            var equalsSign = nameStart
            while equalsSign < part.upperBound, bytes[equalsSign] != UInt8(ascii: "=") { equalsSign += 1 }
            guard nameStart < part.upperBound, equalsSign + 1 < part.upperBound else { return nil }
            let name = nameStart..<equalsSign, value = (equalsSign + 1)..<part.upperBound
            if equals(name, "Credential") {
                credential = value
            } else if equals(name, "SignedHeaders") {
                signed = value
            } else if equals(name, "Signature") {
                signature = value
            }
        }
        guard let credential, let signed, let signature else { return nil }

        // Exactly five `/`-separated parts, the last `aws4_request`.
        var slashes = (0, 0, 0, 0)
        var slashCount = 0
        for index in credential where bytes[index] == UInt8(ascii: "/") {
            switch slashCount {
            case 0: slashes.0 = index
            case 1: slashes.1 = index
            case 2: slashes.2 = index
            case 3: slashes.3 = index
            default: return nil
            }
            slashCount += 1
        }
        guard slashCount == 4, equals((slashes.3 + 1)..<credential.upperBound, "aws4_request"),
              slashes.0 > credential.lowerBound
        else { return nil }

        var signedHeaders: [String] = []
        var nameStart = signed.lowerBound
        for index in signed.lowerBound...signed.upperBound where index == signed.upperBound || bytes[index] == UInt8(ascii: ";") {
            if index > nameStart { signedHeaders.append(string(nameStart..<index)) }
            nameStart = index + 1
        }
        return AuthorizationHeader(
            accessKeyID: string(credential.lowerBound..<slashes.0),
            scope: CredentialScope(day: string((slashes.0 + 1)..<slashes.1), region: string((slashes.1 + 1)..<slashes.2),
                                   service: string((slashes.2 + 1)..<slashes.3)),
            signedHeaders: signedHeaders, signature: string(signature))
    }
}
