/// The intermediate values of one signing, so each AWS step can be compared with a reference.
public struct SigningSteps: Sendable, Hashable {
    public let canonicalRequest: String
    public let stringToSign: String
    public let signature: String
    public let authorization: AuthorizationHeader
    /// The request as sent: the input plus `X-Amz-Date`, `X-Amz-Security-Token` and `Authorization`.
    public let signedRequest: SigningRequest
}
