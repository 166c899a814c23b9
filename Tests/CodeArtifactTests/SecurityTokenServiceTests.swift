import TestSupport
@testable import CodeArtifact
import Foundation
import SigV4
import Testing

/// The STS answers' XML, read the small way both role providers share.
@Suite struct SecurityTokenServiceTests {
    @Test func elementsAreReadFromFlatXML() {
        let xml = "<R><Code> InvalidIdentityToken </Code><Empty></Empty><Code>second</Code></R>"
        #expect(SecurityTokenService.element("Code", in: xml) == "InvalidIdentityToken")
        #expect(SecurityTokenService.element("Empty", in: xml) == "")
        #expect(SecurityTokenService.element("Missing", in: xml) == nil)
        #expect(SecurityTokenService.element("Open", in: "<Open>never closed") == nil)
    }
}
