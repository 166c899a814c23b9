import Emulator
import Testing

/// Pins `EmulatorConfiguration`: the AWS documentation's example key pair by default, loopback
/// only, and a description that never shows the secret key.
@Suite struct EmulatorConfigurationTests {
    @Test func defaultsAreTheDocumentationsExampleOnLoopback() {
        let configuration = EmulatorConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 0)
        #expect(configuration.accessKeyID == "AKIDEXAMPLE")
        #expect(configuration.secretAccessKey == "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        #expect(configuration.region == "us-east-1")
        #expect(!configuration.faults.isActive && configuration.deniedRepositories.isEmpty && configuration.requestLogPath == nil)
    }

    @Test func theSecretIsNeverDescribed() {
        let configuration = EmulatorConfiguration(port: 4566, accessKeyID: "AKIDTEST", secretAccessKey: "very-secret", region: "eu-west-1")
        #expect(configuration.description
            == "EmulatorConfiguration(127.0.0.1:4566, accessKeyID: AKIDTEST, secretAccessKey: <redacted>, region: eu-west-1)")
        #expect(!"\(configuration)".contains("very-secret"))
    }
}
