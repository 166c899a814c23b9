import Foundation
import SigV4

/// The JSON credentials document shared by container endpoints, IMDS and `credential_process`.
struct CredentialsDocument: Decodable {
    var AccessKeyId: String?
    var SecretAccessKey: String?
    var Token: String?
    var SessionToken: String?
    var Expiration: String?
    /// IMDS reports `Success` or a failure code.
    var Code: String?

    /// The credentials in `body`, or `malformedResponse` naming `provider` (never the body, which may hold secrets).
    static func decode(_ body: [UInt8], provider: String) throws -> Credentials {
        guard let document = try? JSONDecoder().decode(CredentialsDocument.self, from: Data(body)),
              document.Code == nil || document.Code == "Success",
              let accessKey = document.AccessKeyId, !accessKey.isEmpty,
              let secret = document.SecretAccessKey, !secret.isEmpty
        else { throw CredentialsError.malformedResponse(provider: provider) }
        var expiration: Date?
        if let text = document.Expiration {
            guard let date = ISO8601Timestamp.parse(text) else { throw CredentialsError.malformedResponse(provider: provider) }
            expiration = date
        }
        return Credentials(accessKeyID: accessKey, secretAccessKey: secret,
                           sessionToken: document.Token ?? document.SessionToken, expiration: expiration)
    }
}
