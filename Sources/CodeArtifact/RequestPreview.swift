import SigV4

/// The exact request cabatch would send, with the signature and session token redacted: what `--dry-run` prints.
public struct RequestPreview: Sendable, Hashable, CustomStringConvertible {
    public var method: String
    /// The full URL with its encoded query, byte for byte what is sent and signed.
    public var url: String
    public var headers: [HeaderField]
    public var body: String

    /// The preview of `signed`, a request signed for `endpoint`.
    public init(signed: SigningRequest, endpoint: Endpoint) {
        method = signed.method
        url = "\(endpoint.scheme)://\(endpoint.hostHeader)" + signed.encodedPathAndQuery
        headers = signed.headers.map { field in
            switch field.name.lowercased() {
            case "authorization":
                HeaderField(field.name, AuthorizationHeader(parsing: field.value)?.redacted ?? "<redacted>")
            case "x-amz-security-token":
                HeaderField(field.name, "<redacted>")
            default:
                field
            }
        }
        body = String(decoding: signed.body, as: UTF8.self)
    }

    /// The preview of `operation` signed with `credentials` at the clock's time, without touching the network.
    public static func of<Operation: CodeArtifactOperation>(
        _ operation: Operation, endpoint: Endpoint, region: String, credentials: Credentials, userAgent: String,
        clock: WallClock = .system
    ) throws -> RequestPreview {
        let request = try operation.serviceRequest().wireRequest(endpoint: endpoint, userAgent: userAgent)
        let signer = SigV4Signer(credentials: credentials, region: region, service: CodeArtifactClient.signingName,
                                 clock: clock)
        return RequestPreview(signed: signer.sign(request), endpoint: endpoint)
    }

    /// An HTTP/1.1 rendering: request line, headers, blank line, body.
    public var description: String {
        let target = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        let pathAndQuery = target.count == 4 ? "/" + target[3] : "/"
        var lines = ["\(method) \(pathAndQuery) HTTP/1.1"]
        lines += headers.map { "\($0.name): \($0.value)" }
        lines.append("")
        lines.append(body)
        return lines.joined(separator: "\n")
    }
}
