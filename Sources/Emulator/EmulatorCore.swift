import Foundation
import Model
import SigV4

/// The emulated service without the network: a request in, an action and a log entry out.
///
/// The order of checks is the service's: route, signature, validation, access, resources,
/// work. Faults are drawn first and applied where the real failure would occur: resets and
/// errors before any work, lost answers after it.
public final class EmulatorCore: Sendable {
    public let configuration: EmulatorConfiguration
    public let inventory: Inventory
    /// The key pairs the service accepts: the configuration's, and any a test's token service adds.
    public let accessKeys: KeyRing
    private let verifier: SigV4Verifier
    private let faults: FaultInjector
    private let clock: WallClock
    private let instance: UInt64

    /// - Parameter clock: the service's "now", for signature skew, throttling and the log.
    public init(configuration: EmulatorConfiguration, inventory: Inventory, clock: WallClock = .system) {
        self.configuration = configuration
        self.inventory = inventory
        self.clock = clock
        self.faults = FaultInjector(configuration.faults)
        var generator = SplitMix64(seed: configuration.faults.seed ^ 0x5EED)
        self.instance = generator.next()
        let accessKeys = KeyRing([Credentials(accessKeyID: configuration.accessKeyID, secretAccessKey: configuration.secretAccessKey)])
        self.accessKeys = accessKeys
        self.verifier = SigV4Verifier(region: configuration.region, service: "codeartifact", clock: clock, keyRing: accessKeys)
    }

    /// What to do with `request`, when, and what to log about it.
    public func handle(_ request: SigningRequest) -> EmulatorOutcome {
        let now = clock.now()
        let operation = Operation(method: request.method, path: request.path)
        let decision = faults.decide(for: operation, now: now.timeIntervalSince1970)
        let requestID = Self.requestID(instance: instance, sequence: decision.sequence)
        var entry = RequestLogEntry(time: now, requestID: requestID, operation: operation?.rawValue, package: nil,
                                    versions: [], status: nil, errorCode: nil, outcomes: [], fault: decision.logName)
        let delay = decision.delayMilliseconds

        func answer(_ response: EmulatorResponse) -> EmulatorOutcome {
            entry.status = response.status
            if response.status >= 400 { entry.errorCode = response.header("x-amzn-ErrorType") }
            return EmulatorOutcome(action: .respond(response), delayMilliseconds: delay, logEntry: entry)
        }
        func fail(_ error: ServiceException) -> EmulatorOutcome {
            answer(error.response(requestID: requestID))
        }

        if decision.refusal == .reset {
            return EmulatorOutcome(action: .closeConnection, delayMilliseconds: delay, logEntry: entry)
        }
        switch verifier.verify(request) {
        case .failure(let failure):
            entry.fault = nil
            return fail(ServiceException(failure.errorType, failure.description))
        case .success(let authorization):
            entry.accessKeyID = authorization.accessKeyID
        }
        if let limit = configuration.faults.expireCredentialsAfter, decision.sequence > UInt64(limit) {
            entry.fault = "expired"
            return fail(ServiceException(.expiredToken, "The security token included in the request is expired"))
        }
        guard let operation else {
            entry.fault = nil
            return fail(ServiceException(.unknownOperation, "No operation at \(request.method) \(request.path)"))
        }
        switch decision.refusal {
        case .throttled(let seconds)?: return fail(.throttled(retryAfterSeconds: seconds))
        case .serverError?: return fail(.internalServer())
        case .reset?, nil: break
        }

        let result: Result<OperationResult, ServiceException>
        switch operation {
        case .deletePackageVersions, .updatePackageVersionsStatus, .disposePackageVersions:
            result = changeVersions(operation, request, decision: decision)
        case .listPackageVersions:
            result = listPackageVersions(request)
        case .listRepositoriesInDomain:
            result = listRepositoriesInDomain(request)
        case .listPackages:
            result = listPackages(request)
        case .describePackageVersion:
            result = describePackageVersion(request)
        }
        switch result {
        case .failure(let error):
            if entry.fault == "lost-500" || entry.fault == "lost-drop" || entry.fault == "skip" { entry.fault = nil }
            return fail(error)
        case .success(let done):
            entry.package = done.package
            entry.versions = done.versions
            entry.outcomes = done.outcomes
            if entry.fault == nil, done.outcomes.contains(where: { $0.outcome == PackageVersionErrorCode.skipped.rawValue }) {
                entry.fault = "skip"
            }
            switch decision.lostResponse {
            case .dropConnection?:
                return EmulatorOutcome(action: .closeConnection, delayMilliseconds: delay, logEntry: entry)
            case .serverError?:
                return fail(.internalServer())
            case nil:
                return answer(EmulatorResponse(status: 200, requestID: requestID, body: done.body))
            }
        }
    }

    /// The log line and answer of a request that reached its operation.
    struct OperationResult {
        /// The package the request named; `nil` for the listings above packages.
        var package: PackageKey?
        var versions: [String]
        var outcomes: [(version: String, outcome: String)]
        var body: [UInt8]
    }

    /// A request id shaped like the service's (a UUID), unique per emulator and request.
    static func requestID(instance: UInt64, sequence: UInt64) -> String {
        // xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx: 36 characters written in place, one string per request.
        String(unsafeUninitializedCapacity: 36) { out in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            func hex(_ value: UInt64, _ count: Int) {
                digits.withUTF8Buffer { digits in
                    for shift in stride(from: (count - 1) * 4, through: 0, by: -4) {
                        out[index] = digits[Int((value >> UInt64(shift)) & 0xF)]
                        index += 1
                    }
                }
            }
            func put(_ character: Unicode.Scalar) {
                out[index] = UInt8(ascii: character)
                index += 1
            }
            hex(instance >> 32, 8)
            put("-")
            hex((instance >> 16) & 0xFFFF, 4)
            put("-")
            put("4")
            hex(instance & 0xFFF, 3)
            put("-")
            put("8")
            hex(sequence >> 48, 3)
            put("-")
            hex(sequence & 0xFFFF_FFFF_FFFF, 12)
            return index
        }
    }
}

/// The core's decision about one request.
public struct EmulatorOutcome: Sendable {
    public var action: EmulatorAction
    /// How long to wait before acting (the `--latency-ms` fault).
    public var delayMilliseconds: Int
    public var logEntry: RequestLogEntry
}
