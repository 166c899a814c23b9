import Emulator
import Foundation
import JSONLines
import Model
import SigV4
import TestSupport
import Testing

/// `cabatch run` signed in as platform teams sign in, against the emulator: an assumed role and an
/// IAM Identity Center profile, through a proxy that wants a password. The emulator accepts only
/// the temporary keys the token services hand out; no secret reaches any output, journal,
/// plan or report.
@Suite struct SignInTests {
    static let sourceSecret = "secretSOURCEbase0000000000000000000000000"
    static let proxyPassword = "proxyPASSWORDvalue"
    static let accessToken = "accessTOKENportal"
    static let refreshToken = "refreshTOKENoidc"
    static let clientSecret = "clientSECRETregistration"
    /// What a leak would look like: every secret above, and the prefixes of every issued secret and token.
    static let secrets = [sourceSecret, proxyPassword, accessToken, refreshToken, clientSecret, "secretTEMP", "tokenTEMP"]

    static let config = """
        [profile cleanup]
        role_arn = arn:aws:iam::111122223333:role/cleanup
        source_profile = base
        region = us-east-1

        [profile base]
        region = us-east-1

        [profile sso]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = CodeArtifactCleanup
        region = us-east-1

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1
        """
    static let credentials = """
        [base]
        aws_access_key_id = AKIDSOURCE
        aws_secret_access_key = \(sourceSecret)
        """
    /// SHA-1 hex of the session name `corp`: the AWS CLI's cache file for it.
    static let ssoCache = ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"

    /// The emulator over a generated domain, with STS, the portal and OIDC on one loopback server
    /// that issues keys into the emulator's ring, and a proxy in front of all of them.
    final class World: @unchecked Sendable {
        let directory: TemporaryDirectory
        let home: TemporaryHome
        let emulator: RunningEmulator
        let tokens: LoopbackServer
        let proxy: ConnectProxy
        let keys: KeyIssuer

        init() async throws {
            directory = try TemporaryDirectory("sign-in")
            home = try TemporaryHome(config: SignInTests.config, credentials: SignInTests.credentials)
            let generated = try await CabatchBinary.run(["generate", "--rows", "240", "--seed", "5", "-o", "m.jsonl",
                                                         "--inventory-out", "inventory.jsonl"], in: directory.path)
            #expect(generated.status == 0, "\(generated.stderr)")
            emulator = try await RunningEmulator.start(
                inventory: try Inventory.load(path: directory.file("inventory.jsonl")),
                configuration: EmulatorConfiguration(requestLogPath: directory.file("requests.jsonl")))
            // The emulator's own example keys are not what these runs sign with.
            emulator.core.accessKeys.remove(EmulatorConfiguration.exampleAccessKeyID)
            emulator.core.accessKeys.insert(Credentials(accessKeyID: "AKIDSOURCE", secretAccessKey: SignInTests.sourceSecret))
            let keys = KeyIssuer(ring: emulator.core.accessKeys)
            self.keys = keys
            tokens = try await LoopbackServer { request in
                switch (request.method, request.path) {
                case ("POST", "/"):
                    guard case let .success(signer) = keys.verify(request, service: "sts"), signer == "AKIDSOURCE" else {
                        return KeyIssuer.stsError("AccessDenied")
                    }
                    return KeyIssuer.stsAnswer(keys.issue(prefix: "ASIAROLE", lifetime: 3_600))
                case ("GET", "/federation/credentials"):
                    guard request.header("x-amz-sso_bearer_token") == SignInTests.accessToken else {
                        return .json(#"{"message":"Session token not found or invalid"}"#, status: 401,
                                     headers: [HeaderField("x-amzn-ErrorType", "UnauthorizedException")])
                    }
                    let issued = keys.issue(prefix: "ASIAPORTAL", lifetime: 3_600)
                    return .json(#"{"roleCredentials":{"accessKeyId":"\#(issued.accessKeyID)","secretAccessKey":"\#(issued.secretAccessKey)","sessionToken":"\#(issued.sessionToken!)","expiration":\#(Int64(issued.expiration!.timeIntervalSince1970 * 1_000))}}"#)
                default:
                    return .text("", status: 404)
                }
            }
            proxy = try await ConnectProxy(authorization: "Basic " + Data("alice:\(SignInTests.proxyPassword)".utf8).base64EncodedString())
        }

        /// A user's environment: the temporary HOME, the proxy with its password, and the token
        /// services' addresses; no keys.
        var environment: [String: String] {
            let proxyURL = "http://alice:\(SignInTests.proxyPassword)@127.0.0.1:\(proxy.port)"
            return ["HOME": home.path, "PATH": "/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true",
                    "HTTPS_PROXY": proxyURL, "HTTP_PROXY": proxyURL, "AWS_ENDPOINT_URL_STS": tokens.url,
                    "AWS_ENDPOINT_URL_SSO": tokens.url, "AWS_ENDPOINT_URL_SSO_OIDC": tokens.url]
        }

        /// Plans and runs `manifest` with `profile`, then writes every kind of report.
        func run(profile: String, manifest: String, plan: String) async throws -> [CabatchBinary.Outcome] {
            var outcomes = [try await CabatchBinary.run(
                ["run", manifest, "-o", plan, "--yes", "--progress", "never", "--profile", profile, "--verify",
                 "--endpoint-url", emulator.url.absoluteString, "--report", plan + ".md"],
                in: directory.path, environment: environment)]
            for format in ["json", "csv", "html"] {
                outcomes.append(try await CabatchBinary.run(["report", plan, "--format", format, "-o", "\(plan).\(format)"],
                                                            in: directory.path, environment: environment))
            }
            outcomes.append(try await CabatchBinary.run(["status", plan], in: directory.path, environment: environment))
            return outcomes
        }

        /// Everything the runs printed, every file they left (plans decompressed), and those files' names.
        func everythingWritten(_ outcomes: [CabatchBinary.Outcome]) throws -> (text: String, files: Set<String>) {
            var text = outcomes.map { $0.stdout + "\n" + $0.stderr }.joined(separator: "\n")
            var files: Set<String> = []
            for file in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory.file(file), isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                files.insert(file)
                // Lines, as a reader sees them: zstd files (plans, the inventory) decompressed.
                try JSONLinesReader.forEachLine(of: InputFile(directory.file(file))) { _, line in
                    if let line { text += String(decoding: line, as: UTF8.self) + "\n" }
                }
            }
            return (text, files)
        }

        /// The access key ids of the requests the emulator accepted.
        func acceptedKeys() throws -> [String] {
            try emulator.loggedRequests().compactMap { $0["accessKeyId"]?.stringValue }
        }

        func stop() async throws {
            try await proxy.stop()
            try await tokens.stop()
            await emulator.stop()
        }
    }

    /// Splits the generated manifest in two, one half per sign-in.
    static func halves(_ world: World) throws -> (String, String) {
        let lines = String(decoding: try world.directory.read("m.jsonl"), as: UTF8.self).split(separator: "\n")
        let packages = lines.map { line in line.range(of: #""package":"[^"]*""#, options: .regularExpression).map { String(line[$0]) } ?? "" }
        let first = Set(packages.prefix(lines.count / 2))
        var a: [Substring] = [], b: [Substring] = []
        for (line, package) in zip(lines, packages) {
            if first.contains(package) { a.append(line) } else { b.append(line) }
        }
        try world.directory.write("a.jsonl", Array((a.joined(separator: "\n") + "\n").utf8))
        try world.directory.write("b.jsonl", Array((b.joined(separator: "\n") + "\n").utf8))
        return ("a.jsonl", "b.jsonl")
    }

    @Test(.timeLimit(.minutes(3)))
    func runsSignedInThroughARoleAndIdentityCenterBehindAProxyLeakNothing() async throws {
        let world = try await World()
        let (roleManifest, ssoManifest) = try Self.halves(world)
        let expiresAt = Timestamp(secondsSinceEpoch: (Date().timeIntervalSince1970 + 8 * 3_600).rounded(.down)).iso8601Seconds
        let registrationExpiresAt = Timestamp(secondsSinceEpoch: (Date().timeIntervalSince1970 + 30 * 86_400).rounded(.down)).iso8601Seconds
        try world.home.write(Self.ssoCache, """
            {"startUrl": "https://corp.awsapps.com/start", "region": "us-east-1", "accessToken": "\(Self.accessToken)",
             "expiresAt": "\(expiresAt)", "clientId": "clientIDcorp", "clientSecret": "\(Self.clientSecret)",
             "registrationExpiresAt": "\(registrationExpiresAt)", "refreshToken": "\(Self.refreshToken)"}
            """)

        let role = try await world.run(profile: "cleanup", manifest: roleManifest, plan: "role.plan")
        let roleKeys = try world.acceptedKeys()
        let sso = try await world.run(profile: "sso", manifest: ssoManifest, plan: "sso.plan")
        for outcome in role + sso {
            #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        }

        // Every request the emulator accepted was signed with issued keys: the role's for the first
        // run, the portal's for the second; the source keys only ever signed AssumeRole.
        let allKeys = try world.acceptedKeys()
        let ssoKeys = Array(allKeys.dropFirst(roleKeys.count))
        #expect(!roleKeys.isEmpty && roleKeys.allSatisfy { $0.hasPrefix("ASIAROLE") }, "\(Set(roleKeys))")
        #expect(!ssoKeys.isEmpty && ssoKeys.allSatisfy { $0.hasPrefix("ASIAPORTAL") }, "\(Set(ssoKeys))")
        #expect(world.keys.issuedCount >= 2)
        // Every manifest row is gone from the emulator, and nothing else.
        let manifest = Set(try String(decoding: world.directory.read("m.jsonl"), as: UTF8.self).split(separator: "\n").map { line in
            let row = try #require(try JSONValue.parse(Array(line.utf8)).objectValue)
            return ["repository", "namespace", "package", "version"].map { row[$0]?.stringValue ?? "" }.joined(separator: "/")
        })
        let deleted = Set(world.emulator.inventory.snapshot().filter { $0.status == "Deleted" }.map {
            [$0.package.repository, $0.package.namespace ?? "", $0.package.package, $0.version].joined(separator: "/")
        })
        #expect(!manifest.isEmpty && deleted == manifest)

        // Both token services and the emulator were reached through the proxy, with its password.
        let targets = Set(world.proxy.targets)
        #expect(targets == ["127.0.0.1:\(world.tokens.port)", "127.0.0.1:\(world.emulator.port)"])

        let (written, files) = try world.everythingWritten(role + sso)
        for plan in ["role.plan", "sso.plan"] {
            let expected = [plan, plan + ".journal", plan + ".md", plan + ".json", plan + ".csv", plan + ".html"]
            #expect(Set(expected).isSubset(of: files), "\(files.sorted())")
        }
        for secret in Self.secrets {
            #expect(!written.contains(secret), "leaked \(secret.prefix(8))…")
        }
        try await world.stop()
    }
}
