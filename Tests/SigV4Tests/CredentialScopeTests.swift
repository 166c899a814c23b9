import SigV4
import Testing

/// Pins the credential scope as it is written into a signature.
@Suite struct CredentialScopeTests {
    @Test func rendersDayRegionServiceAndTheTerminator() {
        #expect(CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact").rendered
            == "20150830/us-east-1/codeartifact/aws4_request")
        #expect(CredentialScope(day: "", region: "", service: "s").rendered == "//s/aws4_request")
    }

    @Test func scopesCompareByEveryPart() {
        let scope = CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact")
        #expect(scope == CredentialScope(day: "20150830", region: "us-east-1", service: "codeartifact"))
        #expect(scope != CredentialScope(day: "20150831", region: "us-east-1", service: "codeartifact"))
        #expect(scope != CredentialScope(day: "20150830", region: "eu-west-1", service: "codeartifact"))
        #expect(scope != CredentialScope(day: "20150830", region: "us-east-1", service: "s3"))
    }
}
