import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `RefreshingCredentialProvider`, the one credential cache: one refresh for all callers
/// before expiry, still-valid credentials kept through a failed refresh, and `cached(at:)`.
@Suite struct RefreshingCredentialProviderTests {
    /// Hands out numbered credentials valid for an hour, counting fetches; can be told to fail.
    final class Issuer: CredentialProvider, @unchecked Sendable {
        private let lock = NSLock()
        private var issued = 0
        var failing = false
        let clock: ManualClock

        init(clock: ManualClock) { self.clock = clock }

        var count: Int { lock.withLock { issued } }

        func credentials(context: CredentialContext) async throws -> Credentials? {
            try await Task.sleep(for: .milliseconds(20))
            let number: Int = try lock.withLock {
                if failing { throw CredentialsError.unreachable(provider: "issuer", reason: "test") }
                issued += 1
                return issued
            }
            return Credentials(accessKeyID: "ASIA\(number)", secretAccessKey: "secret-\(number)", sessionToken: "t",
                               expiration: clock.now.addingTimeInterval(3_600))
        }

        var description: String { "issuer" }
    }

    @Test func refreshesBeforeExpiryOnceForAllCallers() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        let issuer = Issuer(clock: clock)
        let provider = RefreshingCredentialProvider(issuer, refreshMargin: 600)
        let log = LogRecorder()
        try await withCredentialContext(clock: clock.wallClock, logger: log.logger) { context in
            let first = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<50 { group.addTask { try await provider.credentials(context: context)?.accessKeyID } }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(first == ["ASIA1"])
            #expect(issuer.count == 1)

            clock.advance(by: 2_900)  // 11 minutes left: still cached
            #expect(try await provider.credentials(context: context)?.accessKeyID == "ASIA1")
            clock.advance(by: 120)  // 9 minutes left: refreshed
            #expect(try await provider.credentials(context: context)?.accessKeyID == "ASIA2")
            #expect(issuer.count == 2)

            // A failed refresh keeps the still-valid credentials, and fails once they are expired.
            issuer.failing = true
            clock.advance(by: 3_000)
            #expect(try await provider.credentials(context: context)?.accessKeyID == "ASIA2")
            clock.advance(by: 1_000)
            await #expect(throws: CredentialsError.self) { try await provider.credentials(context: context) }
        }
        #expect(log.text.contains("credential refresh failed"))
    }

    @Test func cachedHandsOutOnlyCredentialsGoodForLongerThanTheMargin() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        let issuer = Issuer(clock: clock)
        let provider = RefreshingCredentialProvider(issuer, refreshMargin: 600)
        #expect(provider.cached(at: clock.now) == nil, "nothing is cached before the first fetch")
        try await withCredentialContext(clock: clock.wallClock) { context in
            _ = try await provider.credentials(context: context)
        }
        #expect(provider.cached(at: clock.now)?.accessKeyID == "ASIA1")
        #expect(provider.cached(at: clock.now.addingTimeInterval(2_999))?.accessKeyID == "ASIA1")
        #expect(provider.cached(at: clock.now.addingTimeInterval(3_001)) == nil)
        #expect(provider.description == "refreshing issuer")
    }

    @Test func aBaseWithoutCredentialsIsNoCredentials() async throws {
        let provider = RefreshingCredentialProvider(EnvironmentCredentialProvider(environment: [:]))
        await #expect(throws: CredentialsError.noCredentials(tried: ["environment"])) {
            try await withCredentialContext { try await provider.credentials(context: $0) }
        }
    }
}
