import SigV4

extension ServiceRequest {
    /// The request as it goes on the wire to `endpoint`, before signing: encoded path and query, `Host`,
    /// `Content-Type` for JSON bodies, and `User-Agent` (which is never signed).
    public func wireRequest(endpoint: Endpoint, userAgent: String) -> SigningRequest {
        var headers = [HeaderField("Host", endpoint.hostHeader)]
        if !body.isEmpty { headers.append(HeaderField("Content-Type", "application/json")) }
        headers.append(HeaderField("User-Agent", userAgent))
        return SigningRequest(method: method, path: endpoint.basePath + path, query: query, headers: headers, body: body)
    }
}
