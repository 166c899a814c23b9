import Plan
import Testing
import Model

@Suite struct PlanRequestsTests {
    static func key(_ package: String, namespace: String? = nil, repository: String = "npm-store",
                    owner: String? = "111122223333") -> PackageKey {
        PackageKey(domain: "acme", domainOwner: owner, repository: repository, format: .npm, namespace: namespace,
                   package: package)
    }

    /// Two requests of one package, one with an empty namespace, one in another repository, and the
    /// first key again: consecutive equal keys make a package, a key seen before but not just before
    /// starts another.
    static let requests: [BatchRequest] = [
        BatchRequest(id: 1, key: key("node", namespace: "types"), versions: ["1.0.0", "1.0.1", "1.0.2"]),
        BatchRequest(id: 2, key: key("node", namespace: "types"), versions: ["2.0.0", "2.0.1"]),
        BatchRequest(id: 3, key: key("lodash", namespace: ""), versions: ["4.17.21"]),
        BatchRequest(id: 4, key: key("left-pad", repository: "other-store", owner: nil),
                      versions: [String(repeating: "9", count: 200), "ünïcödé-1", "0.0.1"]),
        BatchRequest(id: 5, key: key("node", namespace: "types"), versions: ["3.0.0"]),
    ]

    @Test func givesBackTheRequests() {
        let plan = PlanRequests(Self.requests)
        #expect(Array(plan) == Self.requests)
        #expect(plan.count == 5)
        #expect(plan.versionCount == 10)
        #expect(plan.versionRange(at: 1) == 3..<5)
        #expect(plan.versions(at: 3) == Self.requests[3].versions)
        #expect(plan.key(at: 2).namespace == "")
        #expect(plan.key(at: 3).domainOwner == nil)
        #expect(plan == PlanRequests(Self.requests))
        #expect(plan != PlanRequests(Self.requests.prefix(4)))
    }

    @Test func packagesAreRunsOfOneKey() {
        let plan = PlanRequests(Self.requests)
        #expect(plan.packageCount == 4)
        #expect((0..<plan.count).map(plan.package(at:)) == [0, 0, 1, 2, 3])
        #expect(plan.requestRange(ofPackage: 0) == 0..<2)
        #expect(plan.requestRange(ofPackage: 3) == 4..<5)
        #expect(plan.key(ofPackage: 2) == Self.requests[3].key)
    }

    @Test func findsVersionsFromAHint() {
        let plan = PlanRequests(Self.requests)
        var hint = plan.cursor(atRequest: 0)
        // In order, across the package's two requests.
        for (flat, version) in ["1.0.0", "1.0.1", "1.0.2", "2.0.0", "2.0.1"].enumerated() {
            #expect(plan.flatIndex(of: version, inRequests: 0..<2, hint: &hint) == flat)
        }
        // Behind the hint: the search wraps around.
        hint = plan.cursor(atRequest: 1)
        #expect(plan.flatIndex(of: "1.0.1", inRequests: 0..<2, hint: &hint) == 1)
        #expect(hint.flat == 2)
        // Another package's version, a missing one.
        #expect(plan.flatIndex(of: "4.17.21", inRequests: 0..<2, hint: &hint) == nil)
        #expect(plan.flatIndex(of: "1.0", inRequests: 0..<2, hint: &hint) == nil)
        hint = plan.cursor(atRequest: 3)
        #expect(plan.flatIndex(of: "0.0.1", inRequests: 3..<4, hint: &hint) == 8)
        #expect(plan.flatIndex(of: String(repeating: "9", count: 200), inRequests: 3..<4, hint: &hint) == 6)
    }

    @Test func findsAVersionSpelledInAnotherNormalForm() {
        let plan = PlanRequests([BatchRequest(id: 1, key: Self.key("café"), versions: ["1.0-caf\u{E9}", "2.0"])])
        var hint = plan.cursor(atRequest: 0)
        #expect(plan.flatIndex(of: "1.0-cafe\u{301}", inRequests: 0..<1, hint: &hint) == 0)
        #expect(hint.flat == 1)
    }
}
