@testable import Manifest
import Model
import Testing

/// Pins the reject kinds: stable names, an order (the order of the checks), and one kind per service rule.
@Suite struct RejectKindTests {
    @Test func namesAreStable() {
        #expect(RejectKind.allCases.map(\.rawValue) == [
            "line-too-long", "not-utf8", "invalid-json", "not-an-object", "repeated-member", "missing-member", "wrong-type",
            "too-short", "too-long", "pattern", "unknown-format", "namespace-required", "namespace-forbidden", "unknown-value",
        ])
    }

    @Test func kindsSortInTheOrderOfTheChecks() {
        #expect(RejectKind.allCases.shuffled().sorted() == RejectKind.allCases)
        #expect(RejectKind.lineTooLong < .notUTF8)
        #expect(!(RejectKind.pattern < .pattern))
        #expect(RejectKind.unknownValue > .tooShort)
    }

    @Test func everyServiceRuleIsTheKindOfTheSameName() {
        for rule in RuleViolation.Rule.allCases {
            #expect(RejectKind(rule).rawValue == rule.rawValue, "\(rule)")
        }
    }
}
