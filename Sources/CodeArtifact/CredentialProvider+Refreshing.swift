import Foundation
import NIOConcurrencyHelpers
import SigV4

/// Caches another provider's credentials and fetches new ones before they expire: the one
/// credential cache of the client.
///
/// A run outlives an hour-long session: credentials expiring within `refreshMargin` are refreshed
/// by one caller while concurrent callers wait for the same refresh. If a refresh fails while the
/// old credentials are still valid, those keep being used and the next call tries again. While
/// they are fresh, `cached(at:)` hands them out without a trip through Swift concurrency: the
/// client signs every request of a run with them, and each hop between threads costs CPU.
public final class RefreshingCredentialProvider: CredentialProvider, Sendable {
    public let base: any CredentialProvider
    public let refreshMargin: TimeInterval
    private let state = NIOLockedValueBox(State())

    private struct State {
        var current: Credentials?
        var refresh: Task<Credentials, any Error>?
    }

    public init(_ base: any CredentialProvider, refreshMargin: TimeInterval = 600) {
        self.base = base
        self.refreshMargin = refreshMargin
    }

    /// The cached credentials when they are good for longer than `refreshMargin` after `now`.
    public func cached(at now: Date) -> Credentials? {
        guard let current = state.withLockedValue({ $0.current }), !current.expires(within: refreshMargin, of: now) else {
            return nil
        }
        return current
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        if let fresh = cached(at: context.clock.now()) { return fresh }
        let base = self.base
        let task = state.withLockedValue { state in
            if let refresh = state.refresh { return refresh }
            let task = Task {
                guard let fresh = try await base.credentials(context: context) else {
                    throw CredentialsError.noCredentials(tried: [base.description])
                }
                return fresh
            }
            state.refresh = task
            return task
        }
        do {
            let fresh = try await task.value
            // Late waiters of an older refresh must not undo a newer one.
            state.withLockedValue { state in
                if state.refresh == task {
                    state.current = fresh
                    state.refresh = nil
                }
            }
            return fresh
        } catch {
            let current = state.withLockedValue { state -> Credentials? in
                if state.refresh == task { state.refresh = nil }
                return state.current
            }
            if let current, !current.expires(within: 0, of: context.clock.now()) {
                context.logger.warning("credential refresh failed; using the current ones until they expire",
                                       metadata: ["error": "\(error)"])
                return current
            }
            throw error
        }
    }

    public var description: String { "refreshing \(base.description)" }
}
