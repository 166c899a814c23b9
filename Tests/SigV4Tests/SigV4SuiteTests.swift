import Foundation
import SigV4
import Testing

/// AWS's own step-by-step suite, header-signing variant: every case applies to a header-signing client.
///
/// The `query-*` files of each case describe presigned URLs, which cabatch never produces, so
/// only the `header-*` files are compared. `post-sts-header-after` signs without the session token
/// and adds it afterwards (`omit_session_token`), which we reproduce by signing without it.
@Suite struct SigV4SuiteTests {
    @Test func suiteIsPresent() {
        #expect(SuiteCase.all.count >= 38, "expected the suite under \(SuiteCase.root.path)")
    }

    @Test(arguments: SuiteCase.all)
    func headerSigning(_ suiteCase: SuiteCase) throws {
        let context = try suiteCase.context()
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        let token = context.omit_session_token == true ? nil : context.credentials.token
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: context.credentials.access_key_id,
                                     secretAccessKey: context.credentials.secret_access_key, sessionToken: token),
            region: context.region, service: context.service, clock: .fixed(date),
            normalizesPath: context.normalize, addsContentSHA256Header: context.sign_body)
        let steps = signer.steps(for: try suiteCase.request(), at: date)

        #expect(steps.canonicalRequest == (try suiteCase.text("header-canonical-request.txt")))
        #expect(steps.stringToSign == (try suiteCase.text("header-string-to-sign.txt")))
        #expect(steps.signature == (try suiteCase.text("header-signature.txt")))
        let expectedAuthorization = try suiteCase.text("header-signed-request.txt")
            .split(separator: "\n").first { $0.hasPrefix("Authorization:") }?.dropFirst("Authorization:".count)
        #expect(steps.authorization.rendered == expectedAuthorization.map(String.init))
        #expect(steps.signedRequest.header("authorization") == steps.authorization.rendered)
    }

    @Test(arguments: SuiteCase.all)
    func verifierAcceptsSuiteSignatures(_ suiteCase: SuiteCase) throws {
        let context = try suiteCase.context()
        guard context.normalize, context.omit_session_token != true else { return }
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        let credentials = Credentials(accessKeyID: context.credentials.access_key_id,
                                      secretAccessKey: context.credentials.secret_access_key,
                                      sessionToken: context.credentials.token)
        let signer = SigV4Signer(credentials: credentials, region: context.region, service: context.service,
                                 clock: .fixed(date), addsContentSHA256Header: context.sign_body)
        let signed = signer.sign(try suiteCase.request())
        let secret = credentials.secretAccessKey
        let verifier = SigV4Verifier(region: context.region, service: context.service, clock: .fixed(date)) {
            $0 == "AKIDEXAMPLE" ? secret : nil
        }
        // The server sees the encoded path and query, as they travel on the request line.
        let target = signed.encodedPathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let received = SigningRequest(method: signed.method, rawPath: String(target[0]),
                                      rawQuery: target.count > 1 ? String(target[1]) : "",
                                      headers: signed.headers, body: signed.body)
        #expect(throws: Never.self) { try verifier.verify(received).get() }
    }
}
