import Foundation
import SigV4

/// What the STS providers share: the endpoint's resolution and the query protocol's XML answers.
enum SecurityTokenService {
    /// The signing name and the API version of STS's query protocol.
    static let signingName = "sts"
    static let version = "2011-06-15"

    /// `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, else the regional endpoint, as botocore resolves it.
    static func endpoint(environment: [String: String], region: String) throws -> Endpoint {
        for name in ["AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"] {
            if let url = environment[name], !url.isEmpty { return try Endpoint(parsing: url, source: name) }
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return Endpoint(scheme: "https", host: "sts.\(region).\(suffix)", port: nil, basePath: "")
    }

    /// The form body of an STS call, with `Action` and `Version` first.
    static func form(action: String, _ parameters: [QueryParameter]) -> [UInt8] {
        Array(QueryParameter.queryString([QueryParameter("Action", action), QueryParameter("Version", version)]
            + parameters).utf8)
    }

    /// The headers every STS call sends besides `Host` and the signature.
    static let formHeaders = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Accept", "text/xml")]

    /// The `<Credentials>` of a successful answer, or the error its `<Code>` names.
    static func credentials(from response: ServiceResponse, provider: String) throws -> Credentials {
        let xml = String(decoding: response.body, as: UTF8.self)
        guard response.isSuccess else {
            throw CredentialsError.refused(provider: provider, httpStatus: response.status, errorCode: element("Code", in: xml))
        }
        guard let accessKey = element("AccessKeyId", in: xml), let secret = element("SecretAccessKey", in: xml),
              let sessionToken = element("SessionToken", in: xml),
              let expiration = element("Expiration", in: xml).flatMap(ISO8601Timestamp.parse)
        else { throw CredentialsError.malformedResponse(provider: provider) }
        return Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: sessionToken, expiration: expiration)
    }

    /// The text of the first `<name>` element; STS answers are small and flat enough for this.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
