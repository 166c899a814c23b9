import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4, exposing each of AWS's steps so they can be checked.
///
/// The steps follow https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html.
/// All of them are pure; the only input from the world is the injected clock.
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
        var prepared = request
        prepared.headers.removeAll { Self.replacedHeaders.contains($0.name.lowercased()) }
        prepared.headers.append(HeaderField("X-Amz-Date", AMZDate.timestamp(date)))
        if let token = credentials.sessionToken {
            prepared.headers.append(HeaderField("X-Amz-Security-Token", token))
        }
        let payloadHash = Self.hexSHA256(request.body)
        if addsContentSHA256Header {
            prepared.setHeader("X-Amz-Content-SHA256", payloadHash)
        }
        let names = Self.signedHeaderNames(prepared.headers)
        let canonical = Self.canonicalRequest(prepared, signedHeaders: names, payloadHash: payloadHash,
                                              normalizesPath: normalizesPath)
        let scope = CredentialScope(day: AMZDate.day(date), region: region, service: service)
        let toSign = Self.stringToSign(canonicalRequest: canonical, date: date, scope: scope)
        let key = signingKey(day: scope.day)
        let signature = Self.signature(stringToSign: toSign, signingKey: key)
        let authorization = AuthorizationHeader(accessKeyID: credentials.accessKeyID, scope: scope,
                                                signedHeaders: names, signature: signature)
        var signed = prepared
        signed.headers.append(HeaderField("Authorization", authorization.rendered))
        return SigningSteps(canonicalRequest: canonical, stringToSign: toSign, signature: signature,
                            authorization: authorization, signedRequest: signed)
    }

    /// The signing key for `day` (`yyyyMMdd`), from the shared cache.
    public func signingKey(day: String) -> SymmetricKey {
        keyCache.key(credentials: credentials, day: day, region: region, service: service) {
            Self.signingKey(secretAccessKey: credentials.secretAccessKey, day: day, region: region, service: service)
        }
    }

    // MARK: - The steps

    /// Step 1, the canonical request: method, URI, query, headers, signed header list and payload hash.
    public static func canonicalRequest(_ request: SigningRequest, signedHeaders: [String], payloadHash: String,
                                        normalizesPath: Bool = true) -> String {
        // Built in one buffer: every request of a run is signed (and every request the
        // emulator receives is checked) through here.
        let path = normalizesPath ? normalizedPath(request.path) : request.path
        var out = ""
        out.reserveCapacity(512)
        out += request.method.uppercased()
        out += "\n"
        out += URIEncoding.encodePath(path.isEmpty ? "/" : path)
        out += "\n"
        var query: [(name: String, value: String)] = request.query.map {
            (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
        }
        query.sort { a, b in a.name != b.name ? a.name < b.name : a.value < b.value }
        for (index, parameter) in query.enumerated() {
            if index > 0 { out += "&" }
            out += parameter.name
            out += "="
            out += parameter.value
        }
        out += "\n"
        let headers = request.headers.map { (name: $0.name.lowercased(), value: $0.value) }
        for name in signedHeaders {
            out += name
            out += ":"
            let lowered = name.lowercased()
            var first = true
            for header in headers where header.name == lowered {
                if !first { out += "," }
                first = false
                out += canonicalHeaderValue(header.value)
            }
            out += "\n"
        }
        out += "\n"
        out += signedHeaders.joined(separator: ";")
        out += "\n"
        out += payloadHash
        return out
    }

    /// Step 2, the string to sign: algorithm, timestamp, credential scope and the canonical request's hash.
    public static func stringToSign(canonicalRequest: String, date: Date, scope: CredentialScope) -> String {
        [algorithm, AMZDate.timestamp(date), scope.rendered, hexSHA256(Array(canonicalRequest.utf8))]
            .joined(separator: "\n")
    }

    /// Step 3, the signing key: the secret HMAC-chained through day, region, service and `aws4_request`.
    public static func signingKey(secretAccessKey: String, day: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// Step 4, the signature: the hex HMAC of the string to sign under the signing key.
    public static func signature(stringToSign: String, signingKey: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    // MARK: - Canonicalization helpers

    /// The sorted, lower-cased, de-duplicated names of the headers that get signed.
    public static func signedHeaderNames(_ headers: [HeaderField]) -> [String] {
        var names = headers.map { $0.name.lowercased() }.filter { !unsignedHeaders.contains($0) }
        names.sort()
        var unique: [String] = []
        unique.reserveCapacity(names.count)
        for name in names where unique.last != name { unique.append(name) }
        return unique
    }

    /// A header value trimmed, with inner runs of whitespace (folded lines included) collapsed to one space.
    public static func canonicalHeaderValue(_ value: String) -> String {
        var previousWasSpace = true
        var clean = true
        for byte in value.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace && (previousWasSpace || byte != 0x20) {
                clean = false
                break
            }
            previousWasSpace = isSpace
        }
        // Most values have nothing to trim or collapse.
        if clean && !previousWasSpace || value.isEmpty { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// `path` with empty, `.` and `..` segments resolved, keeping a trailing slash.
    public static func normalizedPath(_ path: String) -> String {
        // Nothing to resolve without a repeated slash or a segment starting with a dot.
        if path.hasPrefix("/") && !path.contains("//") && !path.contains("/.") { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let joined = "/" + segments.joined(separator: "/")
        return path.hasSuffix("/") && joined != "/" ? joined + "/" : joined
    }

    /// The lower-case hex SHA-256 of `bytes`.
    public static func hexSHA256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
