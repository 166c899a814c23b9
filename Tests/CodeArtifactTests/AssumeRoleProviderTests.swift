import CodeArtifact
import Emulator
import Foundation
import SigV4
import TestSupport
import Testing

/// `role_arn` profiles against an STS stand-in that checks every `AssumeRole` signature against the
/// source keys and hands out temporary keys that the emulator then requires, session token included.
@Suite struct AssumeRoleProviderTests {
    static let sourceSecret = "secretSOURCEprofile000000000000000000000"
    static let environmentSecret = "secretSOURCEenvironment"

    static let config = """
        [profile dev]
        region = us-east-1
        role_arn = arn:aws:iam::111122223333:role/dev
        source_profile = base
        role_session_name = nightly-cleanup

        [profile base]
        region = us-east-1

        [profile chained]
        role_arn = arn:aws:iam::444455556666:role/second
        source_profile = dev
        duration_seconds = 1800

        [profile fromenv]
        role_arn = arn:aws:iam::111122223333:role/env
        credential_source = Environment

        [profile partner]
        role_arn = arn:aws:iam::111122223333:role/partner
        source_profile = base
        external_id = partner-external-id

        [profile mfa]
        role_arn = arn:aws:iam::111122223333:role/mfa
        source_profile = base
        mfa_serial = arn:aws:iam::111122223333:mfa/alice

        [profile short]
        role_arn = arn:aws:iam::111122223333:role/short
        source_profile = base

        [profile loop-a]
        role_arn = arn:aws:iam::111122223333:role/a
        source_profile = loop-b

        [profile loop-b]
        role_arn = arn:aws:iam::111122223333:role/b
        source_profile = loop-a

        [profile both]
        role_arn = arn:aws:iam::111122223333:role/x
        source_profile = base
        credential_source = Environment
        """
    static let credentials = """
        [base]
        aws_access_key_id = AKIDSOURCE
        aws_secret_access_key = \(sourceSecret)
        """

    /// An STS stand-in and the emulator sharing one key ring, and every `AssumeRole` form received.
    final class World: @unchecked Sendable {
        let keys: KeyIssuer
        let forms = LoopbackServer.RequestLog()
        let sts: LoopbackServer
        let service: RunningEmulator
        let home: TemporaryHome

        /// - Parameter clock: the emulator's and STS's "now", which the client's clock must follow.
        init(clock: WallClock = .system) async throws {
            home = try TemporaryHome(config: AssumeRoleProviderTests.config, credentials: AssumeRoleProviderTests.credentials)
            service = try await CredentialTestServers.emulator(logIn: home, clock: clock)
            let keys = KeyIssuer(ring: service.core.accessKeys), forms = self.forms
            self.keys = keys
            keys.ring.insert(Credentials(accessKeyID: "AKIDSOURCE", secretAccessKey: AssumeRoleProviderTests.sourceSecret))
            keys.ring.insert(Credentials(accessKeyID: "AKIDENVIRONMENT", secretAccessKey: AssumeRoleProviderTests.environmentSecret))
            sts = try await LoopbackServer { request in
                forms.append(request)
                guard case let .success(signer) = keys.verify(request, service: "sts", clock: clock) else {
                    return KeyIssuer.stsError("SignatureDoesNotMatch")
                }
                let form = Dictionary(QueryParameter.parse(rawQuery: String(decoding: request.body, as: UTF8.self))
                    .map { ($0.name, $0.value) }) { a, _ in a }
                guard form["Action"] == "AssumeRole", let role = form["RoleArn"], form["RoleSessionName"] != nil else {
                    return KeyIssuer.stsError("InvalidAction", status: 400)
                }
                // Each role trusts one principal, as a trust policy would.
                let trusted: [String: String] = [
                    "dev": "AKIDSOURCE", "second": "ASIADEV", "env": "AKIDENVIRONMENT", "partner": "AKIDSOURCE",
                    "mfa": "AKIDSOURCE", "short": "AKIDSOURCE",
                ]
                let name = String(role.split(separator: "/").last ?? "")
                guard let principal = trusted[name], signer.hasPrefix(principal) else { return KeyIssuer.stsError("AccessDenied") }
                if name == "partner", form["ExternalId"] != "partner-external-id" { return KeyIssuer.stsError("AccessDenied") }
                if name == "mfa", form["SerialNumber"] != "arn:aws:iam::111122223333:mfa/alice" || form["TokenCode"] != "123456" {
                    return KeyIssuer.stsError("AccessDenied")
                }
                let lifetime = Double(form["DurationSeconds"] ?? "") ?? (name == "short" ? 900 : 3_600)
                return KeyIssuer.stsAnswer(keys.issue(prefix: "ASIA\(name.uppercased())", lifetime: lifetime, now: clock.now()))
            }
        }

        func configuration(profile: String, environment: [String: String] = [:],
                           prompt: TerminalPrompt = .unavailable) throws -> ClientConfiguration {
            try ClientConfiguration.resolve(
                environment: noMetadata.merging(["HOME": home.path, "AWS_ENDPOINT_URL_STS": sts.url]) { a, _ in a }
                    .merging(environment) { a, _ in a },
                profile: profile, region: "us-east-1", endpointURL: service.url.absoluteString, prompt: prompt)
        }

        func form(_ index: Int) -> [String: String] {
            let request = forms.all[index]
            return Dictionary(QueryParameter.parse(rawQuery: String(decoding: request.body, as: UTF8.self))
                .map { ($0.name, $0.value) }) { a, _ in a }
        }

        func stop() async throws {
            try await sts.stop()
            await service.stop()
        }
    }

    @Test func sourceProfileKeysSignAssumeRole() async throws {
        let world = try await World()
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "dev"), service: world.service)
        #expect(signer == "ASIADEV1")
        #expect(world.forms.all.count == 1)
        #expect(world.form(0)["RoleSessionName"] == "nightly-cleanup")
        #expect(world.form(0)["DurationSeconds"] == nil)
        try await world.stop()
    }

    @Test func twoStepChainAssumesEachRoleWithThePreviousOne() async throws {
        let world = try await World()
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "chained"), service: world.service)
        #expect(signer == "ASIASECOND2")
        #expect(world.forms.all.map { $0.header("Authorization")?.contains("Credential=AKIDSOURCE/") == true } == [true, false])
        #expect(world.form(1)["RoleArn"] == "arn:aws:iam::444455556666:role/second")
        #expect(world.form(1)["DurationSeconds"] == "1800")
        // The default session name names cabatch.
        #expect(world.form(1)["RoleSessionName"]?.hasPrefix("cabatch-") == true)
        try await world.stop()
    }

    @Test func credentialSourceEnvironmentSignsWithTheEnvironmentKeys() async throws {
        let world = try await World()
        let environment = ["AWS_ACCESS_KEY_ID": "AKIDENVIRONMENT", "AWS_SECRET_ACCESS_KEY": Self.environmentSecret]
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "fromenv", environment: environment),
                                                                service: world.service)
        #expect(signer == "ASIAENV1")
        try await world.stop()
    }

    @Test func externalIDIsSent() async throws {
        let world = try await World()
        let signer = try await CredentialTestServers.deleteOnce(try world.configuration(profile: "partner"), service: world.service)
        #expect(signer == "ASIAPARTNER1")
        #expect(world.form(0)["ExternalId"] == "partner-external-id")
        try await world.stop()
    }

    @Test func mfaWithoutATerminalIsAClearError() async throws {
        let world = try await World()
        await #expect(throws: CredentialsError.mfaNeedsTerminal(profile: "mfa", serial: "arn:aws:iam::111122223333:mfa/alice")) {
            try await CredentialTestServers.deleteOnce(try world.configuration(profile: "mfa"), service: world.service)
        }
        #expect(world.forms.all.isEmpty)
        let error = CredentialsError.mfaNeedsTerminal(profile: "mfa", serial: "arn:aws:iam::111122223333:mfa/alice")
        #expect(error.description.contains("no terminal"))

        // With someone at the terminal, the code goes to STS with the device's serial number.
        let signer = try await CredentialTestServers.deleteOnce(
            try world.configuration(profile: "mfa", prompt: TerminalPrompt { _ in "123456" }), service: world.service)
        #expect(signer == "ASIAMFA1")
        try await world.stop()
    }

    @Test func aRunThatOutlivesTheRoleCredentialsAssumesItAgain() async throws {
        // The emulator and STS keep the client's time: the emulator refuses keys past their expiration.
        let clock = ManualClock(Date())
        let world = try await World(clock: clock.wallClock)
        let client = CodeArtifactClient(configuration: try world.configuration(profile: "short"), userAgent: "cabatch-tests",
                                        concurrency: 1, connectTimeout: 2, readTimeout: 10, clock: clock.wallClock)
        var signers: [String?] = []
        // 15-minute credentials, refreshed 10 minutes before expiry: the first pair is long expired by the last step.
        for version in CredentialTestServers.versions.prefix(4) {
            _ = try await client.send(DeletePackageVersions(package: CredentialTestServers.package, versions: [version]))
            signers.append(try CredentialTestServers.signer(world.service, deleted: version))
            clock.advance(by: 360)
        }
        try await client.shutdown()
        #expect(signers == ["ASIASHORT1", "ASIASHORT2", "ASIASHORT3", "ASIASHORT4"])
        #expect(world.forms.all.count == 4)
        #expect(world.service.inventory.snapshot().filter { $0.status == "Deleted" }.map(\.version) == Array(CredentialTestServers.versions.prefix(4)))
        try await world.stop()
    }

    @Test func cyclesAndContradictionsAreRefused() async throws {
        let world = try await World()
        await #expect {
            try await CredentialTestServers.deleteOnce(try world.configuration(profile: "loop-a"), service: world.service)
        } throws: { error in
            guard case let .invalidProfile(_, reason)? = error as? CredentialsError else { return false }
            return reason.contains("cycle")
        }
        await #expect(throws: CredentialsError.invalidProfile(profile: "both",
                                                              reason: "it sets both source_profile and credential_source")) {
            try await CredentialTestServers.deleteOnce(try world.configuration(profile: "both"), service: world.service)
        }
        #expect(world.forms.all.isEmpty)
        try await world.stop()
    }

    @Test func noSecretReachesDescriptionsErrorsOrLogs() async throws {
        let world = try await World()
        let recorder = LogRecorder()
        let configuration = try world.configuration(profile: "chained")
        _ = try await CredentialTestServers.deleteOnce(configuration, service: world.service, logger: recorder.logger)
        var text = "\(configuration)\n\(String(reflecting: configuration))\n"
        dump(configuration, to: &text)
        // A refused AssumeRole (STS echoing nothing secret back) leaves no secret in the error either.
        let denied = try world.configuration(profile: "partner", environment: [:])
        world.keys.ring.remove("AKIDSOURCE")
        do {
            _ = try await CredentialTestServers.deleteOnce(denied, service: world.service, logger: recorder.logger)
        } catch {
            text += "\(error)\n\(String(reflecting: error))"
        }
        text += recorder.text
        for secret in [Self.sourceSecret, "secretTEMP", "tokenTEMP"] {
            #expect(!text.contains(secret), "leaked \(secret.prefix(8))…")
        }
        try await world.stop()
    }
}
