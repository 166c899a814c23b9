/// How an emulator answers: its identity, the one key pair it accepts, faults and access rules.
public struct EmulatorConfiguration: Sendable, CustomStringConvertible {
    /// The AWS documentation's example key pair, the default so any client configured with it works.
    public static let exampleAccessKeyID = "AKIDEXAMPLE"
    public static let exampleSecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    /// Always a loopback address: the emulator is never reachable from other machines.
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 0
    public var accessKeyID = exampleAccessKeyID
    public var secretAccessKey = exampleSecretAccessKey
    public var region = "us-east-1"
    public var faults = FaultConfiguration()
    /// Repositories, as `domain/repository`, on which every operation is `AccessDeniedException`.
    public var deniedRepositories: Set<String> = []
    /// Where to write one JSON line per request; `nil` for no log.
    public var requestLogPath: String?
    /// A PEM certificate (chain) and its private key: the emulator then speaks HTTPS, for clients
    /// that trust a custom CA bundle. `nil` for plain HTTP.
    public var tls: (certificatePath: String, keyPath: String)?

    public init(port: Int = 0, accessKeyID: String = exampleAccessKeyID, secretAccessKey: String = exampleSecretAccessKey,
                region: String = "us-east-1", faults: FaultConfiguration = FaultConfiguration(),
                deniedRepositories: Set<String> = [], requestLogPath: String? = nil) {
        self.port = port
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.faults = faults
        self.deniedRepositories = deniedRepositories
        self.requestLogPath = requestLogPath
    }

    // The secret key never appears in any rendering.
    public var description: String {
        "EmulatorConfiguration(\(host):\(port), accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, region: \(region))"
    }
}
