@testable import Emulator
import Foundation
import SigV4
import Testing
import JSONLines
import Model

/// Pins `EmulatorCore.handle`: routing, validation, signatures, access rules and request ids,
/// with the inventory changed only by requests that pass them all.
@Suite struct EmulatorCoreTests {
    let fixture = EmulatorFixture()

    @Test func deleteReportsEachVersionsOutcome() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1.0.0", nil), ("2.0.0", "Unlisted"), ("3.0.0", "Archived")]))
        let answer = try #require(Answer(core.handle(fixture.delete(["1.0.0", "2.0.0", "9.9.9"], expectedStatus: "Published"))))
        #expect(answer.status == 200)
        #expect(answer.successful["1.0.0"]?["status"] == "Deleted")
        #expect(answer.successful["1.0.0"]?["revision"]?.isEmpty == false)
        #expect(answer.failed["2.0.0"]?["errorCode"] == "MISMATCHED_STATUS")
        #expect(answer.failed["9.9.9"]?["errorCode"] == "NOT_FOUND")

        let again = try #require(Answer(core.handle(fixture.delete(["1.0.0", "3.0.0"]))))
        #expect(again.failed["1.0.0"]?["errorCode"] == "NOT_FOUND")
        #expect(again.successful["3.0.0"]?["status"] == "Deleted")
        let states = Dictionary(uniqueKeysWithValues: core.inventory.snapshot().map { ($0.version, $0) })
        #expect(states["1.0.0"]?.deletes == 1)
        #expect(states["1.0.0"]?.status == "Deleted")
        #expect(states["2.0.0"]?.status == "Unlisted")
        #expect(states["2.0.0"]?.deletes == 0)
    }

    @Test func unknownDomainRepositoryAndPackage() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1.0.0", nil)]))
        let domain = try #require(Answer(core.handle(fixture.delete(["1.0.0"], query: EmulatorFixture.query(domain: "other")))))
        #expect(domain.status == 404)
        #expect(domain.errorType == "ResourceNotFoundException")
        #expect(domain.json["resourceType"] as? String == "domain")
        let repository = try #require(Answer(core.handle(fixture.delete(["1.0.0"], query: EmulatorFixture.query(repository: "pypi-store")))))
        #expect(repository.json["resourceType"] as? String == "repository")
        let package = try #require(Answer(core.handle(fixture.delete(["1.0.0"], query: EmulatorFixture.query(package: "react")))))
        #expect(package.status == 200)
        #expect(package.failed["1.0.0"]?["errorCode"] == "NOT_FOUND")
        let owner = try #require(Answer(core.handle(fixture.delete(
            ["1.0.0"], query: EmulatorFixture.query(extra: [QueryParameter("domain-owner", "444455556666")])))))
        #expect(owner.errorType == "ResourceNotFoundException")
    }

    @Test(arguments: [
        ("{\"versions\":[\"1\"", "CANNOT_PARSE", "parse"),
        ("[]", "CANNOT_PARSE", "object"),
        ("{}", "FIELD_VALIDATION_FAILED", "at 'versions'"),
        ("{\"versions\":[\"a/b\"]}", "FIELD_VALIDATION_FAILED", "at 'versions.1.member'"),
        ("{\"versions\":[\"1\"],\"expectedStatus\":\"Gone\"}", "FIELD_VALIDATION_FAILED", "at 'expectedStatus'"),
    ])
    func invalidBodiesAreValidationExceptions(body: String, reason: String, mentions: String) throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let request = fixture.signed(path: "/v1/package/versions/delete", query: EmulatorFixture.query(), body: body)
        let answer = try #require(Answer(core.handle(request)))
        #expect(answer.status == 400)
        #expect(answer.errorType == "ValidationException")
        #expect(answer.json["reason"] as? String == reason)
        #expect(answer.message.contains(mentions), "\(answer.message)")
    }

    @Test func moreThan100VersionsIsRefused() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let answer = try #require(Answer(core.handle(fixture.delete((0...100).map { "v\($0)" }))))
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains("at 'versions' failed to satisfy constraint: Member must have length less than or equal to 100"))
        let hundred = try #require(Answer(core.handle(fixture.delete((0..<100).map { "v\($0)" }))))
        #expect(hundred.status == 200)
        #expect(hundred.failed.count == 100)
    }

    @Test(arguments: [
        (EmulatorFixture.query(domain: "Acme"), "at 'domain'"),
        (EmulatorFixture.query(domain: "a"), "length greater than or equal to 2"),
        (EmulatorFixture.query(repository: "-store"), "at 'repository'"),
        (EmulatorFixture.query(format: "rpm"), "enum value set"),
        (EmulatorFixture.query(format: "pypi"), "namespace must be absent for pypi"),
        (EmulatorFixture.query(format: "maven", namespace: nil), "namespace is required for maven"),
        (EmulatorFixture.query(namespace: "@types"), "starts with @"),
        (EmulatorFixture.query(package: String(repeating: "x", count: 256)), "less than or equal to 255"),
        (EmulatorFixture.query(extra: [QueryParameter("domain-owner", "12345")]), "at 'domainOwner'"),
        ([QueryParameter("domain", "acme")], "3 validation errors detected"),
    ])
    func invalidQueriesNameTheMember(query: [QueryParameter], mentions: String) throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        let answer = try #require(Answer(core.handle(fixture.delete(["1"], query: query))))
        #expect(answer.status == 400)
        #expect(answer.errorType == "ValidationException")
        #expect(answer.message.contains(mentions), "\(answer.message)")
    }

    @Test func signaturesAreVerified() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        var stranger = fixture
        stranger.credentials = Credentials(accessKeyID: "AKIDSTRANGER", secretAccessKey: "secret")
        let unknown = try #require(Answer(core.handle(stranger.delete(["1"]))))
        #expect(unknown.status == 403)
        #expect(unknown.errorType == "UnrecognizedClientException")

        var forger = fixture
        forger.credentials = Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID, secretAccessKey: "wrong")
        let wrong = try #require(Answer(core.handle(forger.delete(["1"]))))
        #expect(wrong.errorType == "InvalidSignatureException")
        #expect(!wrong.message.contains(EmulatorConfiguration.exampleSecretAccessKey))

        var late = fixture
        late.signedAt = EmulatorFixture.start.addingTimeInterval(-301)
        let skewed = try #require(Answer(core.handle(late.delete(["1"]))))
        #expect(skewed.errorType == "InvalidSignatureException")
        #expect(skewed.message.contains("Signature expired"))

        var tampered = fixture.delete(["1"])
        tampered.body = Array("{\"versions\":[\"2\"]}".utf8)
        #expect(Answer(core.handle(tampered))?.errorType == "InvalidSignatureException")

        var unsigned = fixture.delete(["1"])
        unsigned.headers.removeAll { $0.name == "Authorization" }
        #expect(Answer(core.handle(unsigned))?.errorType == "MissingAuthenticationTokenException")
        #expect(core.inventory.snapshot().allSatisfy { $0.deletes == 0 })
    }

    @Test func temporaryKeysAreAcceptedWithTheirSessionTokenUntilTheyExpire() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil), ("2", nil), ("3", nil)]))
        let issued = Credentials(accessKeyID: "ASIATEMP1", secretAccessKey: "secretTEMP1", sessionToken: "tokenTEMP1",
                                 expiration: EmulatorFixture.start.addingTimeInterval(60))
        var holder = fixture
        holder.credentials = issued
        let before = try #require(Answer(core.handle(holder.delete(["1"]))))
        #expect(before.errorType == "UnrecognizedClientException")

        core.accessKeys.insert(issued)
        let accepted = core.handle(holder.delete(["1"]))
        #expect(Answer(accepted)?.status == 200)
        // The log names the key the request was accepted under, as CloudTrail does.
        #expect(accepted.logEntry.accessKeyID == "ASIATEMP1")

        var tokenless = fixture
        tokenless.credentials = Credentials(accessKeyID: "ASIATEMP1", secretAccessKey: "secretTEMP1")
        let refused = core.handle(tokenless.delete(["2"]))
        #expect(Answer(refused)?.errorType == "UnrecognizedClientException")
        #expect(refused.logEntry.accessKeyID == nil)

        let expired = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]), now: EmulatorFixture.start.addingTimeInterval(60))
        expired.accessKeys.insert(issued)
        var late = holder
        late.signedAt = EmulatorFixture.start.addingTimeInterval(60)
        let answer = try #require(Answer(expired.handle(late.delete(["1"]))))
        #expect(answer.errorType == "ExpiredTokenException")
        #expect(!answer.message.contains("secretTEMP1") && !answer.message.contains("tokenTEMP1"))
        #expect(core.inventory.snapshot().map(\.deletes) == [1, 0, 0])
        #expect(expired.inventory.snapshot().map(\.deletes) == [0])
    }

    @Test func deniedRepositoryIsAccessDenied() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]),
                                            configuration: EmulatorConfiguration(deniedRepositories: ["acme/npm-store"]))
        let answer = try #require(Answer(core.handle(fixture.delete(["1"]))))
        #expect(answer.status == 403)
        #expect(answer.errorType == "AccessDeniedException")
        #expect(answer.message.contains("codeartifact:DeletePackageVersions"))
    }

    @Test func everyAnswerCarriesARequestID() throws {
        let core = try EmulatorFixture.core(EmulatorFixture.rows([("1", nil)]))
        var ids = Set<String>()
        for request in [fixture.delete(["1"]), fixture.delete(["1"], query: []), fixture.signed(path: "/v1/nothing", query: [])] {
            guard case .respond(let response) = core.handle(request).action else { Issue.record("no answer"); continue }
            #expect(response.requestID.count == 36)
            ids.insert(response.requestID)
        }
        #expect(ids.count == 3)
    }

    @Test func unknownOperation() throws {
        let core = try EmulatorFixture.core([])
        let answer = try #require(Answer(core.handle(fixture.signed(path: "/v1/repositories", query: []))))
        #expect(answer.status == 404)
        #expect(answer.errorType == "UnknownOperationException")
    }

    @Test func requestIDsKeepTheirShape() {
        // The spelling the emulator has always used, written with strings.
        func reference(_ instance: UInt64, _ sequence: UInt64) -> String {
            func hex(_ value: UInt64, _ digits: Int) -> String {
                let text = String(value, radix: 16)
                return String(repeating: "0", count: max(0, digits - text.count)) + text.suffix(digits)
            }
            return hex(instance >> 32, 8) + "-" + hex((instance >> 16) & 0xFFFF, 4) + "-4" + hex(instance & 0xFFF, 3)
                + "-8" + hex(sequence >> 48, 3) + "-" + hex(sequence & 0xFFFF_FFFF_FFFF, 12)
        }
        var generator = SplitMix64(seed: 7)
        let pairs: [(UInt64, UInt64)] = [(0, 0), (.max, .max), (0x0123_4567_89AB_CDEF, 1)] + (0..<50).map { _ in (generator.next(), generator.next()) }
        for (instance, sequence) in pairs {
            #expect(EmulatorCore.requestID(instance: instance, sequence: sequence) == reference(instance, sequence))
        }
    }
}
