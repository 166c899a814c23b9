import Foundation
import SigV4

/// The JSON credentials document shared by container endpoints, IMDS and `credential_process`.
struct CredentialsDocument {
    var AccessKeyId: String?
    var SecretAccessKey: String?
    var Token: String?
    var SessionToken: String?
    var Expiration: String?
    /// IMDS reports `Success` or a failure code.
    var Code: String?

    /// The credentials in `body`, or `malformedResponse` naming `provider` (never the body, which may hold secrets).
    static func decode(_ body: [UInt8], provider: String) throws -> Credentials {
        guard let document = try? CredentialsDocument(jsonBody: body),
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

extension CredentialsDocument {
    /// Reads the members the providers use; any of them absent or `null` is `nil`.
    init(jsonBody body: [UInt8]) throws(ResponseBody.Failure) {
        guard let object = try ResponseBody.object(body) else { throw ResponseBody.Failure("the body is empty") }
        AccessKeyId = try ResponseBody.string(object["AccessKeyId"], "AccessKeyId")
        SecretAccessKey = try ResponseBody.string(object["SecretAccessKey"], "SecretAccessKey")
        Token = try ResponseBody.string(object["Token"], "Token")
        SessionToken = try ResponseBody.string(object["SessionToken"], "SessionToken")
        Expiration = try ResponseBody.string(object["Expiration"], "Expiration")
        Code = try ResponseBody.string(object["Code"], "Code")
    }
}
