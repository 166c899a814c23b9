import Model
import Plan
import Testing

/// Pins the rules every planned request is held to when a plan is read: ids in sequence, 1 to 100
/// versions, and each member and version within the service's constraints.
@Suite struct BatchRequestTests {
    static let key = PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store", format: .npm,
                                namespace: "types", package: "node")

    static func request(id: Int = 3, key: PackageKey = key, versions: [String] = ["1.0.0", "1.0.1"]) -> BatchRequest {
        BatchRequest(id: id, key: key, versions: versions)
    }

    @Test func theServicesLimitIsAHundredVersions() {
        #expect(BatchRequest.maxVersions == 100)
        #expect(Self.request(versions: (0..<100).map { "1.\($0)" }).ruleViolation(expectedID: 3) == nil)
        #expect(Self.request(versions: (0..<101).map { "1.\($0)" }).ruleViolation(expectedID: 3)
            == "it holds 101 versions; a request takes 1 to 100")
        #expect(Self.request(versions: []).ruleViolation(expectedID: 3) == "it holds 0 versions; a request takes 1 to 100")
    }

    @Test func idsRunOneTwoThreeInPlanOrder() {
        #expect(Self.request(id: 3).ruleViolation(expectedID: 3) == nil)
        #expect(Self.request(id: 2).ruleViolation(expectedID: 3) == "its id repeats an earlier request's; ids run 1, 2, 3… in plan order")
        #expect(Self.request(id: 4).ruleViolation(expectedID: 3)
            == "its id is out of sequence where request 3 belongs; ids run 1, 2, 3… in plan order")
        #expect(Self.request(id: 0).ruleViolation(expectedID: 1)?.hasPrefix("its id is out of sequence where request 1 belongs") == true)
    }

    @Test func theFirstBrokenRuleOfTheMembersIsNamed() {
        var key = Self.key
        key.domain = "Acme"
        #expect(Self.request(key: key).ruleViolation(expectedID: 3)?.contains("does not match [a-z][a-z0-9-]{0,48}[a-z0-9]") == true)
        key = Self.key
        key.format = .pypi
        #expect(Self.request(key: key).ruleViolation(expectedID: 3)?.contains("namespace must be absent for pypi packages") == true)
        // The id is checked before the members.
        #expect(Self.request(id: 9, key: key).ruleViolation(expectedID: 3)?.hasPrefix("its id") == true)
    }

    @Test func everyVersionIsCheckedNotOnlyTheFirst() {
        #expect(Self.request(versions: ["", "1.0"]).ruleViolation(expectedID: 3)?.contains("version is empty") == true)
        let later = Self.request(versions: ["1.0", "2.0", "bad/version"]).ruleViolation(expectedID: 3)
        #expect(later?.contains(#""bad/version""#) == true)
        #expect(Self.request(versions: ["1.0", String(repeating: "9", count: 256)]).ruleViolation(expectedID: 3) != nil)
    }

    @Test func requestsCompareByIdKeyAndVersions() {
        #expect(Self.request() == Self.request())
        #expect(Self.request(id: 4) != Self.request())
        #expect(Self.request(versions: ["1.0.1", "1.0.0"]) != Self.request())
        #expect(Set([Self.request(), Self.request(), Self.request(id: 1)]).count == 2)
    }
}
