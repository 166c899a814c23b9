import Foundation
import SigV4

/// A profile's `role_arn`: STS `AssumeRole`, signed with the source's credentials.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// The profile that names the role, for messages.
    public let profile: String
    public let roleARN: String
    public let sessionName: String
    public let externalID: String?
    public let durationSeconds: Int?
    public let mfaSerial: String?
    /// Where the keys that sign `AssumeRole` come from: `source_profile` or `credential_source`.
    public let source: any CredentialProvider
    public let region: String
    /// STS: `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, else the regional endpoint.
    public let stsEndpoint: Endpoint
    let prompt: TerminalPrompt

    public init(profile: String, roleARN: String, sessionName: String? = nil, externalID: String? = nil,
                durationSeconds: Int? = nil, mfaSerial: String? = nil, source: any CredentialProvider, region: String,
                stsEndpoint: Endpoint, prompt: TerminalPrompt = .standard) {
        self.profile = profile
        self.roleARN = roleARN
        // The CLI's default names botocore; this one names cabatch, so CloudTrail shows who acted.
        self.sessionName = sessionName ?? "cabatch-session-\(Int(Date().timeIntervalSince1970))"
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.mfaSerial = mfaSerial
        self.source = source
        self.region = region
        self.stsEndpoint = stsEndpoint
        self.prompt = prompt
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        guard let sourceCredentials = try await source.credentials(context: context) else {
            throw CredentialsError.invalidProfile(profile: profile, reason: "its source (\(source)) has no credentials")
        }
        var parameters = [QueryParameter("RoleArn", roleARN), QueryParameter("RoleSessionName", sessionName)]
        if let durationSeconds { parameters.append(QueryParameter("DurationSeconds", String(durationSeconds))) }
        if let externalID { parameters.append(QueryParameter("ExternalId", externalID)) }
        if let mfaSerial {
            guard let code = prompt.ask("Enter MFA code for \(mfaSerial): "), !code.isEmpty else {
                throw CredentialsError.mfaNeedsTerminal(profile: profile, serial: mfaSerial)
            }
            parameters += [QueryParameter("SerialNumber", mfaSerial), QueryParameter("TokenCode", code)]
        }
        let unsigned = SigningRequest(
            method: "POST", path: stsEndpoint.basePath + "/",
            headers: [HeaderField("Host", stsEndpoint.hostHeader)]
                + SecurityTokenService.formHeaders.map { HeaderField($0.0, $0.1) },
            body: SecurityTokenService.form(action: "AssumeRole", parameters))
        let signed = SigV4Signer(credentials: sourceCredentials, region: region, service: SecurityTokenService.signingName,
                                 clock: context.clock).sign(unsigned)
        let response = try await context.fetch("\(stsEndpoint.scheme)://\(stsEndpoint.hostHeader)" + signed.encodedPathAndQuery,
                                               method: .POST, headers: signed.headers.map { ($0.name, $0.value) },
                                               body: signed.body, timeout: 30, provider: description)
        return try SecurityTokenService.credentials(from: response, provider: description)
    }

    public var description: String { "assume role \(roleARN) (profile \(profile))" }
}
