@testable import Emulator
import Model
import Testing

/// Pins `RequestValidator`: the service's wording of each constraint failure, how failures are
/// counted into one `ValidationException`, and what each check hands back.
@Suite struct RequestValidatorTests {
    @Test func aValidRequestHasNoError() {
        var validator = RequestValidator()
        validator.required(.domain, "acme", member: "domain")
        validator.optional(.domainOwner, nil, member: "domainOwner")
        #expect(validator.failures.isEmpty)
        #expect(validator.error == nil)
    }

    @Test func oneFailureIsWordedAsTheServiceWordsIt() throws {
        var validator = RequestValidator()
        validator.required(.domain, nil, member: "domain")
        let error = try #require(validator.error)
        #expect(error.type == .validation)
        #expect(error.reason == "FIELD_VALIDATION_FAILED")
        #expect(error.message == "1 validation error detected: Value null at 'domain' failed to satisfy constraint: Member must not be null")
    }

    @Test func failuresAreCountedAndJoined() throws {
        var validator = RequestValidator()
        validator.required(.domain, "a", member: "domain")
        validator.required(.repository, "-x", member: "repository")
        validator.fail("namespace is required for maven")
        let error = try #require(validator.error)
        #expect(error.message == "3 validation errors detected: "
            + "Value 'a' at 'domain' failed to satisfy constraint: Member must have length greater than or equal to 2; "
            + "Value '-x' at 'repository' failed to satisfy constraint: Member must satisfy regular expression pattern: "
            + "[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}; namespace is required for maven")
    }

    @Test(arguments: [
        (PackageField.domain, String(repeating: "a", count: 51), "Member must have length less than or equal to 50"),
        (.domain, "Acme", "Member must satisfy regular expression pattern: [a-z][a-z0-9\\-]{0,48}[a-z0-9]"),
        (.domainOwner, "12345", "Member must satisfy regular expression pattern: [0-9]{12}"),
        (.package, "a/b", "Member must satisfy regular expression pattern: [^#/\\s]+"),
        (.version, String(repeating: "1", count: 256), "Member must have length less than or equal to 255"),
        (.revision, "a b", "Member must satisfy regular expression pattern: \\S+"),
    ])
    func memberChecksNameTheModelsShape(field: PackageField, value: String, constraint: String) {
        var validator = RequestValidator()
        validator.optional(field, value, member: "m")
        #expect(validator.failures.count == 1)
        #expect(validator.failures.first?.hasSuffix("at 'm' failed to satisfy constraint: \(constraint)") == true,
                "\(validator.failures)")
    }

    @Test func anOptionalMemberIsOnlyCheckedWhenPresent() {
        var validator = RequestValidator()
        validator.optional(.domainOwner, nil, member: { () -> String in Issue.record("member named for nothing"); return "x" }())
        #expect(validator.failures.isEmpty)
    }

    @Test func enumMembersListTheirValues() {
        var validator = RequestValidator()
        #expect(validator.oneOf(PackageVersionStatus.self, "Archived", member: "status") == .archived)
        #expect(validator.oneOf(PackageVersionStatus.self, nil, member: "status") == nil)
        #expect(validator.failures.isEmpty)
        #expect(validator.oneOf(PackageFormat.self, "rpm", member: "format") == nil)
        let formats = PackageFormat.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(validator.failures == ["Value 'rpm' at 'format' failed to satisfy constraint: Member must satisfy enum value set: [\(formats)]"])
    }

    @Test(arguments: [
        (String?.none, 100, String?.none),
        ("1", 1, nil), ("1000", 1000, nil),
        ("0", 0, "Member must have value greater than or equal to 1"),
        ("1001", 1001, "Member must have value less than or equal to 1000"),
        ("ten", 100, "Member must be an integer"),
    ])
    func maxResults(text: String?, value: Int, constraint: String?) {
        var validator = RequestValidator()
        #expect(validator.maxResults(text, default: 100) == value)
        if let constraint, let text {
            #expect(validator.failures == ["Value '\(text)' at 'maxResults' failed to satisfy constraint: \(constraint)"])
        } else {
            #expect(validator.failures.isEmpty)
        }
    }

    @Test func nextTokensMustBeOnesHandedOutOfTheRightKind() {
        var validator = RequestValidator()
        #expect(validator.nextToken(nil) { _ in Issue.record("nothing to accept"); return true } == nil)
        let position = PaginationToken.position(5)
        #expect(validator.nextToken(position.text) { _ in true } == position)
        #expect(validator.failures.isEmpty)
        #expect(validator.nextToken(position.text) { _ in false } == nil)
        #expect(validator.nextToken("forged") { _ in true } == nil)
        #expect(validator.failures == [
            "Value '\(position.text)' at 'nextToken' failed to satisfy constraint: Member must be a token returned by a previous call",
            "Value 'forged' at 'nextToken' failed to satisfy constraint: Member must be a token returned by a previous call",
        ])
    }

    @Test func longValuesAreQuotedTruncated() {
        var validator = RequestValidator()
        validator.fail(member: "m", value: String(repeating: "x", count: 400), constraint: "c")
        #expect(validator.failures == ["Value '\(String(repeating: "x", count: 300))…' at 'm' failed to satisfy constraint: c"])
        validator.fail(member: "n", value: nil, constraint: "c")
        #expect(validator.failures.last == "Value null at 'n' failed to satisfy constraint: c")
    }
}
