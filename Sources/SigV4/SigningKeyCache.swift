import Crypto
import Foundation

/// Derived signing keys per (credentials, day, region, service), shared safely between threads,
/// each also as an HMAC already keyed with it.
///
/// Deriving a key costs four HMACs, and keying an HMAC hashes two blocks of padding; a run of a
/// hundred thousand requests (or an emulator answering them) needs one key a day. Entries for
/// other days are dropped when a new day's key is stored, so the cache holds a few entries and
/// is searched in order.
public final class SigningKeyCache: @unchecked Sendable, CustomReflectable {
    // Keyed by the secret as well as the key id so that rotated credentials never reuse a key.
    private struct Entry {
        var accessKeyID: String
        var secretAccessKey: String
        var day: String
        var region: String
        var service: String
        var key: SymmetricKey
        var keyed: HMAC<SHA256>

        func matches(_ credentials: Credentials, _ day: String, _ region: String, _ service: String) -> Bool {
            self.day == day && accessKeyID == credentials.accessKeyID && secretAccessKey == credentials.secretAccessKey
                && self.region == region && self.service == service
        }
    }

    private let lock = NSLock()
    private var entries: [Entry] = []

    public init() {}

    // The keys are scoped by the secret they were derived from; only their number is shown.
    public var customMirror: Mirror {
        Mirror(self, children: ["count": count])
    }

    /// The number of keys held, for tests.
    public var count: Int {
        lock.withLock { entries.count }
    }

    /// The scope's signing key, derived and stored on a miss.
    func key(credentials: Credentials, day: String, region: String, service: String) -> SymmetricKey {
        entry(credentials: credentials, day: day, region: region, service: service).key
    }

    /// An HMAC keyed with the scope's signing key, to update with a string to sign (copies share
    /// their state until written).
    func hmac(credentials: Credentials, day: String, region: String, service: String) -> HMAC<SHA256> {
        entry(credentials: credentials, day: day, region: region, service: service).keyed
    }

    private func entry(credentials: Credentials, day: String, region: String, service: String) -> Entry {
        if let found = lock.withLock({ entries.first { $0.matches(credentials, day, region, service) } }) { return found }
        let key = SigV4Signer.signingKey(secretAccessKey: credentials.secretAccessKey, day: day, region: region, service: service)
        let entry = Entry(accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey, day: day,
                          region: region, service: service, key: key, keyed: HMAC<SHA256>(key: key))
        lock.withLock {
            entries.removeAll { $0.day != day || $0.matches(credentials, day, region, service) }
            entries.append(entry)
        }
        return entry
    }
}
