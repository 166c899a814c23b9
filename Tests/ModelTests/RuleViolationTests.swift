import Model
import Testing

/// Pins how a broken service constraint reads: its stable rule names and its message with the hint.
@Suite struct RuleViolationTests {
    @Test func rulesHaveStableNames() {
        #expect(RuleViolation.Rule.allCases.map(\.rawValue) == [
            "too-short", "too-long", "pattern", "unknown-format", "namespace-required", "namespace-forbidden", "unknown-value",
        ])
    }

    @Test func descriptionIsTheMessageWithTheHintInParentheses() {
        let plain = RuleViolation(field: .version, rule: .tooLong, message: "version is 300 characters; the limit is 255")
        #expect(plain.description == "version is 300 characters; the limit is 255")
        #expect(plain.hint == nil)
        let hinted = RuleViolation(field: .status, rule: .unknownValue, message: "status \"published\" is not one of …",
                                   hint: "the service spells it Published")
        #expect(hinted.description == "status \"published\" is not one of … (the service spells it Published)")
    }

    @Test func violationsCompareByEveryMember() {
        let a = RuleViolation(field: .domain, rule: .pattern, message: "m")
        #expect(a == RuleViolation(field: .domain, rule: .pattern, message: "m"))
        #expect(a != RuleViolation(field: .repository, rule: .pattern, message: "m"))
        #expect(a != RuleViolation(field: .domain, rule: .tooLong, message: "m"))
        #expect(a != RuleViolation(field: .domain, rule: .pattern, message: "m", hint: "h"))
        #expect(Set([a, a]).count == 1)
    }

    /// What the constraints produce reads the same way: the field named, and the hint after the message.
    @Test func theConstraintsViolationsNameTheirField() throws {
        let scope = try #require(ServiceConstraints.checkNamespace(format: .npm, namespace: "@types"))
        #expect(scope.field == .namespace)
        let hint = try #require(scope.hint)
        #expect(scope.description == "\(scope.message) (\(hint))")
        let domain = try #require(ServiceConstraints.check(.domain, "a"))
        #expect(domain.field == .domain && domain.rule == .tooShort)
        #expect(domain.description.contains("domain"))
    }
}
