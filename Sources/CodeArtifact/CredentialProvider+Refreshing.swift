import Foundation
import SigV4

/// Caches another provider's credentials and fetches new ones before they expire.
///
/// A run outlives an hour-long session: credentials expiring within `refreshMargin` are refreshed
/// by one caller while concurrent callers wait for the same refresh. If a refresh fails while the
/// old credentials are still valid, those keep being used and the next call tries again.
public actor RefreshingCredentialProvider: CredentialProvider {
    public nonisolated let base: any CredentialProvider
    public nonisolated let refreshMargin: TimeInterval
    private var current: Credentials?
    private var refresh: Task<Credentials, any Error>?

    public init(_ base: any CredentialProvider, refreshMargin: TimeInterval = 600) {
        self.base = base
        self.refreshMargin = refreshMargin
    }

    public func credentials(context: CredentialContext) async throws -> Credentials? {
        let now = context.clock.now()
        if let current, !current.expires(within: refreshMargin, of: now) { return current }
        let task: Task<Credentials, any Error>
        if let refresh {
            task = refresh
        } else {
            let base = self.base
            task = Task {
                guard let fresh = try await base.credentials(context: context) else {
                    throw CredentialsError.noCredentials(tried: [base.description])
                }
                return fresh
            }
            refresh = task
        }
        do {
            let fresh = try await task.value
            // Late waiters of an older refresh must not undo a newer one.
            if refresh == task {
                current = fresh
                refresh = nil
            }
            return fresh
        } catch {
            if refresh == task { refresh = nil }
            if let current, !current.expires(within: 0, of: context.clock.now()) {
                context.logger.warning("credential refresh failed; using the current ones until they expire",
                                       metadata: ["error": "\(error)"])
                return current
            }
            throw error
        }
    }

    public nonisolated var description: String { "refreshing \(base.description)" }
}
