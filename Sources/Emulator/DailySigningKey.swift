import Crypto
import Foundation

/// HMAC under the signing key of the latest day asked for, keyed and ready to copy: one key
/// serves every request of a day, deriving it costs four HMACs, and keying an HMAC hashes two
/// blocks of padding.
final class DailySigningKey: @unchecked Sendable {
    private let lock = NSLock()
    private var day = ""
    private var keyed: HMAC<SHA256>?

    /// A copy of the day's keyed HMAC (copies share state until written, then copy it).
    func hmac(day: String, derive: (String) -> SymmetricKey) -> HMAC<SHA256> {
        if let keyed = lock.withLock({ self.day == day ? self.keyed : nil }) { return keyed }
        let keyed = HMAC<SHA256>(key: derive(day))
        lock.withLock {
            self.day = day
            self.keyed = keyed
        }
        return keyed
    }
}
