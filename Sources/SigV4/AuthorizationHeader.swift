import Foundation

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
    public init?(parsing value: String) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(SigV4Signer.algorithm + " ") else { return nil }
        var fields: [String: String] = [:]
        for part in trimmed.dropFirst(SigV4Signer.algorithm.count + 1).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
              let signature = fields["Signature"], !signature.isEmpty, !signed.isEmpty
        else { return nil }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[4] == "aws4_request", !parts[0].isEmpty else { return nil }
        self.init(accessKeyID: parts[0], scope: CredentialScope(day: parts[1], region: parts[2], service: parts[3]),
                  signedHeaders: signed.split(separator: ";").map(String.init), signature: signature)
    }
}
