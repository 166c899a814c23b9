import CodeArtifact
import Emulator
import Foundation
import Manifest
import Model
import TestSupport
import Testing

/// A custom CA bundle (`AWS_CA_BUNDLE`, a profile's `ca_bundle`) against the emulator serving
/// HTTPS with a certificate from a test CA made here: trusted through the bundle, refused
/// without it with a message that names the certificate problem.
@Suite struct CABundleTests {
    /// A test CA and a server certificate for 127.0.0.1 it signed, made with openssl.
    struct TestCA {
        let directory: TemporaryDirectory
        var caPath: String { directory.file("ca.pem") }
        var certificatePath: String { directory.file("server.pem") }
        var keyPath: String { directory.file("server.key") }

        init() throws {
            directory = try TemporaryDirectory("test-ca")
            let d = directory.path
            try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", "\(d)/ca.key", "-out", "\(d)/ca.pem", "-days", "2", "-subj", "/CN=cabatch test CA"])
            try Self.openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", "\(d)/server.key", "-out", "\(d)/server.csr", "-subj", "/CN=127.0.0.1"])
            _ = try directory.write("ext.cnf", Array("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8))
            try Self.openssl(["x509", "-req", "-in", "\(d)/server.csr", "-CA", "\(d)/ca.pem", "-CAkey", "\(d)/ca.key",
                              "-CAcreateserial", "-out", "\(d)/server.pem", "-days", "2", "-extfile", "\(d)/ext.cnf"])
        }

        private static func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        }
    }

    static let rows = [ManifestRow(domain: "acme", repository: "npm-store", format: .npm, package: "left-pad", version: "1.0.0")]
    static let package = PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "left-pad")

    private func delete(_ environment: [String: String], url: URL, profile: String? = nil) async throws -> PackageVersionsOutput {
        let configuration = try ClientConfiguration.resolve(environment: environment, profile: profile, endpointURL: url.absoluteString)
        let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch/test", concurrency: 1,
                                        connectTimeout: 5, readTimeout: 10)
        do {
            let output = try await client.send(DeletePackageVersions(package: Self.package, versions: ["1.0.0"]))
            try await client.shutdown()
            return output
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theBundleIsTrustedAndTheSystemStoreIsNot() async throws {
        let ca = try TestCA()
        var configuration = EmulatorConfiguration()
        configuration.tls = (ca.certificatePath, ca.keyPath)
        let emulator = try await RunningEmulator.start(rows: Self.rows, configuration: configuration)
        #expect(emulator.url.scheme == "https")

        // Without the bundle: the system's roots do not know the test CA.
        await #expect {
            _ = try await delete(ClientHarness.environment, url: emulator.url)
        } throws: { error in
            let text = "\(error)".lowercased()
            return (error as? TransportError)?.code == "tls" && text.contains("certificate")
        }
        #expect(emulator.inventory.snapshot().first?.deletes == 0, "nothing reached the service")

        var environment = ClientHarness.environment
        environment["AWS_CA_BUNDLE"] = ca.caPath
        let output = try await delete(environment, url: emulator.url)
        #expect(output.successfulVersions["1.0.0"]?.status == .deleted)
        await emulator.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func aProfilesCABundleWorksAndAnUnreadableOneIsRefusedAtOnce() async throws {
        let ca = try TestCA()
        var configuration = EmulatorConfiguration()
        configuration.tls = (ca.certificatePath, ca.keyPath)
        let emulator = try await RunningEmulator.start(rows: Self.rows, configuration: configuration)
        let home = try TemporaryDirectory("home")
        try FileManager.default.createDirectory(atPath: home.file(".aws"), withIntermediateDirectories: true)
        _ = try home.write(".aws/config", Array("""
            [profile tls]
            region = us-east-1
            ca_bundle = \(ca.caPath)
            aws_access_key_id = \(EmulatorConfiguration.exampleAccessKeyID)
            aws_secret_access_key = \(EmulatorConfiguration.exampleSecretAccessKey)

            """.utf8))
        var environment = ClientHarness.environment
        environment["HOME"] = home.path
        let output = try await delete(environment, url: emulator.url, profile: "tls")
        #expect(output.successfulVersions["1.0.0"] != nil)
        await emulator.stop()

        environment["AWS_CA_BUNDLE"] = home.file("missing.pem")
        #expect {
            _ = try ClientConfiguration.resolve(environment: environment, endpointURL: emulator.url.absoluteString)
        } throws: { error in
            guard case ConfigurationError.invalidCABundle(let path, let source, _) = error else { return false }
            return path.hasSuffix("missing.pem") && source == "AWS_CA_BUNDLE" && "\(error)".contains("PEM certificates")
        }
    }
}
