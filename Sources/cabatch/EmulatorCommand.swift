import ArgumentParser
import Emulator
import Foundation

/// `cabatch emulator`: a local CodeArtifact server on loopback for demos, tests and benchmarks.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local CodeArtifact emulator on loopback.",
        discussion: """
            Serves ListRepositoriesInDomain, ListPackages, ListPackageVersions, \
            DescribePackageVersion, DeletePackageVersions, UpdatePackageVersionsStatus and \
            DisposePackageVersions over an inventory, verifying \
            SigV4 signatures and validating requests as the service does. Prints \
            "listening on http://127.0.0.1:PORT" as its first line. On SIGINT or SIGTERM it \
            finishes the requests in flight and writes --state-out; SIGUSR1 writes --state-out \
            at once. Faults are seeded, combinable and off by default.
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 0

    @Option(help: ArgumentHelp("A JSON Lines inventory (.zst or plain) of rows with an optional status.", valueName: "file"))
    var inventory: String?

    @Option(help: ArgumentHelp("Seed the inventory with every version of this manifest.", valueName: "manifest"))
    var seedFrom: String?

    @Option(help: "With --seed-from, this many more versions spread over the manifest's packages.")
    var extra = 0

    @Option(help: "The access key id the emulator accepts.")
    var accessKey = EmulatorConfiguration.exampleAccessKeyID

    // No default shown: help text is not a place for secret keys, even example ones.
    @Option(help: "The secret access key of --access-key; by default the AWS documentation's example key.")
    var secretKey: String?

    @Option(help: "The region requests must be signed for.")
    var region = "us-east-1"

    @Option(help: "The account that owns domains whose rows name no domainOwner.")
    var accountId = "111122223333"

    @Option(help: ArgumentHelp("Answer AccessDeniedException for this repository (repeatable).", valueName: "domain/repository"))
    var denyRepository: [String] = []

    @Option(help: ArgumentHelp("Write requests a second before ThrottlingException (429 with Retry-After).", valueName: "n"))
    var throttleTps: Double?

    @Option(help: ArgumentHelp("Read requests (list, describe) a second before ThrottlingException, counted apart from writes.", valueName: "n"))
    var readThrottleTps: Double?

    @Option(help: ArgumentHelp("Share of requests answered 500 before any work.", valueName: "p"))
    var errorRate = 0.0

    @Option(help: ArgumentHelp("Share of writes done whose answer is lost: a 500 or a dropped connection.", valueName: "p"))
    var lostResponseRate = 0.0

    @Option(help: ArgumentHelp("Share of requests whose connection is closed with no answer.", valueName: "p"))
    var resetRate = 0.0

    @Option(help: ArgumentHelp("Delay every answer by N milliseconds, plus up to JITTER more.", valueName: "n[:jitter]"))
    var latencyMs: String?

    @Option(help: ArgumentHelp("Share of versions answered SKIPPED with nothing done.", valueName: "p"))
    var skipRate = 0.0

    @Option(help: ArgumentHelp("After N requests, refuse every request with ExpiredTokenException, as when temporary credentials run out mid-run.", valueName: "n"))
    var expireCredentialsAfter: Int?

    @Option(help: "The seed of every fault draw.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Write every version's final status and delete count here on exit and on SIGUSR1.", valueName: "file"))
    var stateOut: String?

    @Option(help: ArgumentHelp("Write one JSON line per request here.", valueName: "file"))
    var log: String?

    @Option(help: ArgumentHelp("Serve HTTPS with this PEM certificate (chain); needs --tls-key. Clients trust it through AWS_CA_BUNDLE.", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together.") }
        if inventory != nil && seedFrom != nil {
            throw ValidationError("Give either --inventory or --seed-from, not both.")
        }
        if extra < 0 || (extra > 0 && seedFrom == nil) {
            throw ValidationError("--extra takes a count of 0 or more and needs --seed-from.")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535.") }
        for (name, rate) in [("--error-rate", errorRate), ("--lost-response-rate", lostResponseRate),
                             ("--reset-rate", resetRate), ("--skip-rate", skipRate)] where !(0...1).contains(rate) {
            throw ValidationError("\(name) takes a share between 0 and 1, such as 0.05.")
        }
        if let throttleTps, throttleTps <= 0 { throw ValidationError("--throttle-tps takes a rate above 0.") }
        if let readThrottleTps, readThrottleTps <= 0 { throw ValidationError("--read-throttle-tps takes a rate above 0.") }
        if let latencyMs, FaultConfiguration.parseLatency(latencyMs) == nil {
            throw ValidationError("--latency-ms takes milliseconds, optionally with jitter: 20 or 20:10.")
        }
        for repository in denyRepository where repository.split(separator: "/").count != 2 {
            throw ValidationError("--deny-repository takes domain/repository, such as acme/npm-store.")
        }
    }

    func run() async throws {
        let inventory: Inventory
        if let path = self.inventory {
            inventory = try Inventory.load(path: path, accountID: accountId)
        } else if let path = seedFrom {
            inventory = try Inventory.seeded(fromManifest: path, extraVersions: extra, accountID: accountId)
        } else {
            inventory = Inventory(accountID: accountId)
        }
        let latency = latencyMs.flatMap(FaultConfiguration.parseLatency) ?? (0, 0)
        var faults = FaultConfiguration(
            throttleTPS: throttleTps, readThrottleTPS: readThrottleTps, errorRate: errorRate,
            lostResponseRate: lostResponseRate, resetRate: resetRate,
            latencyMilliseconds: latency.milliseconds, latencyJitterMilliseconds: latency.jitter,
            skipRate: skipRate, seed: seed)
        faults.expireCredentialsAfter = expireCredentialsAfter
        var configuration = EmulatorConfiguration(
            port: port, accessKeyID: accessKey, secretAccessKey: secretKey ?? EmulatorConfiguration.exampleSecretAccessKey, region: region, faults: faults,
            deniedRepositories: Set(denyRepository), requestLogPath: log)
        if let tlsCert, let tlsKey { configuration.tls = (tlsCert, tlsKey) }
        let requestLog = try log.map { path throws(EmulatorFileError) in try RequestLog(path: path) }
        let server = EmulatorServer(core: EmulatorCore(configuration: configuration, inventory: inventory),
                                    requestLog: requestLog)

        let stateOut = self.stateOut
        let onDemand = stateOut.map { path in Self.writeStateOnSIGUSR1(inventory, to: path) }
        try await server.runUntilSignalled { url in
            FileHandle.standardOutput.write(Data("listening on \(url.absoluteString)\n".utf8))
        }
        onDemand?.cancel()
        if let stateOut { try inventory.writeState(to: stateOut) }
    }

    /// Writes the state file whenever the process gets SIGUSR1, until the source is cancelled.
    private static func writeStateOnSIGUSR1(_ inventory: Inventory, to path: String) -> any DispatchSourceSignal {
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler {
            do {
                try inventory.writeState(to: path)
            } catch {
                FileHandle.standardError.write(Data("cabatch emulator: \(error)\n".utf8))
            }
        }
        source.resume()
        return source
    }
}
