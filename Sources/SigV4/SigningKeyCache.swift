import Crypto
import Foundation

/// Derived signing keys per (credentials, day, region, service), shared safely between threads.
///
/// Deriving a key costs four HMACs; a run of a hundred thousand requests needs one a day.
/// Entries for other days are dropped when a new day's key is stored, so the cache stays tiny.
public final class SigningKeyCache: @unchecked Sendable, CustomReflectable {
    // Keyed by the secret as well as the key id so that rotated credentials never reuse a key.
    private struct Scope: Hashable {
        var accessKeyID: String
        var secretAccessKey: String
        var day: String
        var region: String
        var service: String
    }

    private let lock = NSLock()
    private var keys: [Scope: SymmetricKey] = [:]

    public init() {}

    // The keys are scoped by the secret they were derived from; only their number is shown.
    public var customMirror: Mirror {
        Mirror(self, children: ["count": count])
    }

    /// The number of keys held, for tests.
    public var count: Int {
        lock.withLock { keys.count }
    }

    /// The cached key for the scope, derived with `derive` and stored on a miss.
    func key(credentials: Credentials, day: String, region: String, service: String,
             derive: () -> SymmetricKey) -> SymmetricKey {
        let scope = Scope(accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
                          day: day, region: region, service: service)
        if let key = lock.withLock({ keys[scope] }) { return key }
        let key = derive()
        lock.withLock {
            keys = keys.filter { $0.key.day == day }
            keys[scope] = key
        }
        return key
    }
}
