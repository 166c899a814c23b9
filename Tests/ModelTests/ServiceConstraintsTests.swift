import Testing
import Model

@Suite struct ServiceConstraintsTests {
    @Test(arguments: [
        (PackageField.domain, "acme", nil),
        (.domain, "a1", nil),
        (.domain, "my-domain-2", nil),
        (.domain, "a", RuleViolation.Rule.tooShort),
        (.domain, String(repeating: "a", count: 51), .tooLong),
        (.domain, "Acme", .pattern),
        (.domain, "1acme", .pattern),
        (.domain, "acme-", .pattern),
        (.domain, "ac_me", .pattern),
        (.domainOwner, "111122223333", nil),
        (.domainOwner, "1111-2222-3333", .pattern),
        (.domainOwner, "11112222333", .pattern),
        (.repository, "npm-store", nil),
        (.repository, "Repo.v2_x", nil),
        (.repository, "r", .tooShort),
        (.repository, "-repo", .pattern),
        (.repository, "re po", .pattern),
        (.repository, String(repeating: "r", count: 101), .tooLong),
        (.package, "left-pad", nil),
        (.package, "ünïcode-名前", nil),
        (.package, "", .tooShort),
        (.package, "a/b", .pattern),
        (.package, "a#b", .pattern),
        (.package, "a b", .pattern),
        (.package, "a\tb", .pattern),
        (.version, "1.0.0+build.5", nil),
        (.version, String(repeating: "9", count: 255), nil),
        (.version, String(repeating: "9", count: 256), .tooLong),
        (.version, String(repeating: "é", count: 255), nil),
        (.namespace, "com.acme", nil),
        (.format, "npm", nil),
        (.format, "NPM", .unknownFormat),
        (.format, "docker", .unknownFormat),
    ] as [(PackageField, String, RuleViolation.Rule?)])
    func checksEachMember(field: PackageField, value: String, expected: RuleViolation.Rule?) {
        let violation = ServiceConstraints.check(field, value)
        #expect(violation?.rule == expected, "\(field) \(value)")
        if let violation { #expect(violation.field == field) }
    }

    @Test func namespaceRulesFollowTheFormat() {
        for format in [PackageFormat.maven, .swift, .generic] {
            #expect(ServiceConstraints.checkNamespace(format: format, namespace: nil)?.rule == .namespaceRequired)
            #expect(ServiceConstraints.checkNamespace(format: format, namespace: "ns") == nil)
        }
        for format in [PackageFormat.pypi, .nuget, .ruby, .cargo] {
            #expect(ServiceConstraints.checkNamespace(format: format, namespace: "ns")?.rule == .namespaceForbidden)
            #expect(ServiceConstraints.checkNamespace(format: format, namespace: nil) == nil)
        }
        #expect(ServiceConstraints.checkNamespace(format: .npm, namespace: nil) == nil)
        #expect(ServiceConstraints.checkNamespace(format: .npm, namespace: "types") == nil)
    }

    @Test func npmScopeWithAtGetsAHint() throws {
        let violation = try #require(ServiceConstraints.checkNamespace(format: .npm, namespace: "@types"))
        #expect(violation.rule == .pattern)
        #expect(violation.hint?.contains("\"types\"") == true)
    }
}
