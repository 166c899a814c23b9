import Foundation
import Model
import SigV4
import Testing
import TestSupport

/// Our `Authorization` header against botocore's `SigV4Auth` for the same request, time and credentials.
@Suite struct BotocoreCrossCheckTests {
    struct Case: Encodable {
        let method: String
        let url: String
        let headers: [String: String]
        let body: String
        let accessKey: String
        let secretKey: String
        let token: String?
        let region: String
        let service: String
        let timestamp: String
    }

    static let script = """
        import datetime, json, sys
        from unittest import mock
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        out = []
        for c in json.load(sys.stdin):
            when = datetime.datetime.strptime(c['timestamp'], '%Y%m%dT%H%M%SZ')
            request = AWSRequest(method=c['method'], url=c['url'], headers=c['headers'], data=c['body'].encode())
            credentials = Credentials(c['accessKey'], c['secretKey'], c.get('token'))
            if hasattr(botocore.auth, 'get_current_datetime'):
                patch = mock.patch.object(botocore.auth, 'get_current_datetime', return_value=when)
            else:
                patch = mock.patch('botocore.auth.datetime')
            with patch as fake:
                if not hasattr(botocore.auth, 'get_current_datetime'):
                    fake.datetime.utcnow.return_value = when
                botocore.auth.SigV4Auth(credentials, c['service'], c['region']).add_auth(request)
            out.append(request.headers['Authorization'])
        print(json.dumps(out))
        """

    static let names = [
        "plain", "with space", "a+b", "user@host", "tilde~ok", "100%", "ünïcødé-包", "mixed +@~% ü", "slash/inside",
        "semi;colon=eq&amp",
    ]

    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z

    func request(package: String) -> SigningRequest {
        SigningRequest(
            method: "POST", path: "/v1/package/versions/delete",
            query: [QueryParameter("domain", "acme"), QueryParameter("domain-owner", "111122223333"),
                    QueryParameter("repository", "npm-store"), QueryParameter("format", "npm"),
                    QueryParameter("namespace", package), QueryParameter("package", package)],
            headers: [HeaderField("Host", "codeartifact.us-east-1.amazonaws.com"),
                      HeaderField("Content-Type", "application/json"),
                      HeaderField("User-Agent", "cabatch/0.0.0")],
            body: Array(#"{"versions":["1.0.0"]}"#.utf8))
    }

    @Test func authorizationMatchesBotocore() throws {
        try Python.ensure(module: "botocore", package: "botocore")
        let credentialSets = [
            Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            Credentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                        sessionToken: "FwoGZXIvYXdzEXAMPLE//token+with/slashes=="),
        ]
        var cases: [Case] = []
        var ours: [String] = []
        for credentials in credentialSets {
            let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "codeartifact",
                                     clock: .fixed(Self.date))
            for name in Self.names {
                let request = request(package: name)
                let signed = signer.sign(request)
                ours.append(try #require(signed.header("authorization")))
                cases.append(Case(
                    method: request.method,
                    url: "https://codeartifact.us-east-1.amazonaws.com" + request.encodedPathAndQuery,
                    headers: Dictionary(uniqueKeysWithValues: request.headers.map { ($0.name, $0.value) }),
                    body: String(decoding: request.body, as: UTF8.self),
                    accessKey: credentials.accessKeyID, secretKey: credentials.secretAccessKey,
                    token: credentials.sessionToken, region: "us-east-1", service: "codeartifact",
                    timestamp: Timestamp(secondsSinceEpoch: Self.date.timeIntervalSince1970).basicFormat))
            }
        }
        let output = try Python.run(Self.script, input: try JSONEncoder().encode(cases))
        let theirs = try JSONDecoder().decode([String].self, from: output)
        #expect(theirs.count == ours.count)
        for (index, pair) in zip(ours, theirs).enumerated() {
            #expect(pair.0 == pair.1, "case \(index): \(cases[index].url)")
        }
    }
}
