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

    /// The suite's own signed requests, as a server receives them, pass the verifier; with the
    /// signature changed they are refused with the suite's canonical request.
    @Test(arguments: SuiteCase.all)
    func verifierAcceptsSuiteSignatures(_ suiteCase: SuiteCase) throws {
        let context = try suiteCase.context()
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        let received = try suiteCase.request(file: "header-signed-request.txt")
        // The server knows the key pair with the session token the request carries, if any.
        let known = Credentials(accessKeyID: context.credentials.access_key_id, secretAccessKey: context.credentials.secret_access_key,
                                sessionToken: received.header("x-amz-security-token") == nil ? nil : context.credentials.token)
        let verifier = SigV4Verifier(region: context.region, service: context.service, clock: .fixed(date),
                                     normalizesPath: context.normalize, keyRing: KeyRing([known]))
        let authorization = try verifier.verify(received).get()
        #expect(authorization.signature == (try suiteCase.text("header-signature.txt")))

        var forged = received
        forged.setHeader("Authorization", authorization.rendered.replacingOccurrences(
            of: authorization.signature, with: String(repeating: "0", count: authorization.signature.count)))
        #expect(throws: SignatureVerificationError.signatureMismatch(
            canonicalRequest: try suiteCase.text("header-canonical-request.txt"))) { try verifier.verify(forged).get() }
    }
}
