import Foundation

/// The key pairs a server accepts, changing while it runs: long-term keys, and temporary keys a
/// token service hands out with their session tokens and expirations.
///
/// Rendering one never shows a secret; only the access key ids, which are not secrets.
public final class KeyRing: @unchecked Sendable, CustomStringConvertible, CustomReflectable {
    private let lock = NSLock()
    private var keys: [String: Credentials]

    public init(_ credentials: [Credentials] = []) {
        keys = Dictionary(credentials.map { ($0.accessKeyID, $0) }) { _, newer in newer }
    }

    /// The credentials `accessKeyID` names, or `nil` when the ring does not hold it.
    public subscript(accessKeyID: String) -> Credentials? { lock.withLock { keys[accessKeyID] } }

    /// Accepts `credentials` from now on, replacing any pair with the same access key id.
    public func insert(_ credentials: Credentials) {
        lock.withLock { keys[credentials.accessKeyID] = credentials }
    }

    /// Refuses `accessKeyID` from now on, as when a key is deactivated.
    public func remove(_ accessKeyID: String) {
        _ = lock.withLock { keys.removeValue(forKey: accessKeyID) }
    }

    /// The access key ids held, in order.
    public var accessKeyIDs: [String] { lock.withLock { keys.keys.sorted() } }

    public var description: String { "KeyRing(\(accessKeyIDs.joined(separator: ", ")))" }

    // `dump` walks mirrors, not descriptions.
    public var customMirror: Mirror { Mirror(self, children: ["accessKeyIDs": accessKeyIDs]) }
}
