import CodeArtifact
import Foundation
import SigV4
import Testing

/// Pins `ChainCredentialProvider`: the first provider with credentials wins and later ones are
/// not asked, an error stops the chain, and none configured is `noCredentials` naming each.
@Suite struct ChainCredentialProviderTests {
    /// Answers `value` (or throws `error`) and counts how often it was asked.
    final class Scripted: CredentialProvider, @unchecked Sendable {
        let name: String
        let value: Credentials?
        let error: CredentialsError?
        private let lock = NSLock()
        private var asked = 0

        init(_ name: String, value: Credentials? = nil, error: CredentialsError? = nil) {
            self.name = name
            self.value = value
            self.error = error
        }

        var count: Int { lock.withLock { asked } }

        func credentials(context: CredentialContext) async throws -> Credentials? {
            lock.withLock { asked += 1 }
            if let error { throw error }
            return value
        }

        var description: String { name }
    }

    @Test func theFirstConfiguredProviderWins() async throws {
        let empty = Scripted("empty")
        let first = Scripted("first", value: Credentials(accessKeyID: "AKID1", secretAccessKey: "s1"))
        let second = Scripted("second", value: Credentials(accessKeyID: "AKID2", secretAccessKey: "s2"))
        let chain = ChainCredentialProvider([empty, first, second])
        let found = try await withCredentialContext { try await chain.credentials(context: $0) }
        #expect(found?.accessKeyID == "AKID1")
        #expect(empty.count == 1 && first.count == 1 && second.count == 0)
        #expect(chain.description == "chain(empty, first, second)")
    }

    @Test func anErrorStopsTheChain() async throws {
        let broken = Scripted("broken", error: .processFailed(profile: "p", exitStatus: 2))
        let later = Scripted("later", value: Credentials(accessKeyID: "AKID", secretAccessKey: "s"))
        await #expect(throws: CredentialsError.processFailed(profile: "p", exitStatus: 2)) {
            try await withCredentialContext { try await ChainCredentialProvider([broken, later]).credentials(context: $0) }
        }
        #expect(later.count == 0)
    }

    @Test func noneConfiguredNamesEveryProviderTried() async throws {
        await #expect(throws: CredentialsError.noCredentials(tried: ["a", "b"])) {
            try await withCredentialContext { try await ChainCredentialProvider([Scripted("a"), Scripted("b")]).credentials(context: $0) }
        }
        await #expect(throws: CredentialsError.noCredentials(tried: [])) {
            try await withCredentialContext { try await ChainCredentialProvider([]).credentials(context: $0) }
        }
    }
}
