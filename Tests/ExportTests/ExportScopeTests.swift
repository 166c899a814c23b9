import Export
import Model
import Testing

/// Pins `ExportScope.encoded()`: every member in a fixed order, sets sorted and deduplicated,
/// absent members `null`, so that equal scopes encode to equal bytes and a checkpoint names its scope.
@Suite struct ExportScopeTests {
    private func text(_ scope: ExportScope) -> String { String(decoding: scope.encoded(), as: UTF8.self) }

    @Test func aBareScopeWritesEveryMember() {
        #expect(text(ExportScope(domain: "acme")) == #"{"exportFormat":1,"domain":"acme","domainOwner":null,"repositories":[],"#
            + #""format":null,"namespace":null,"packagePrefix":null,"statuses":[],"publishedTime":false}"#)
    }

    @Test func everyMemberInAFixedOrderWithSetsSorted() {
        let scope = ExportScope(domain: "acme", domainOwner: "111122223333", repositories: ["npm-store", "maven", "npm-store"],
                                format: .npm, namespace: "types", packagePrefix: "no\"de", statuses: [.unlisted, .archived, .published],
                                publishedTime: true)
        #expect(text(scope) == #"{"exportFormat":1,"domain":"acme","domainOwner":"111122223333","repositories":["maven","npm-store"],"#
            + #""format":"npm","namespace":"types","packagePrefix":"no\"de","statuses":["Archived","Published","Unlisted"],"#
            + #""publishedTime":true}"#)
    }

    @Test func theSameScopeGivenInAnotherOrderEncodesTheSame() {
        let one = ExportScope(domain: "acme", repositories: ["b", "a"], statuses: [.archived, .unlisted])
        let other = ExportScope(domain: "acme", repositories: ["a", "b", "a"], statuses: [.unlisted, .archived])
        #expect(one.encoded() == other.encoded())
        #expect(ExportScope(domain: "acme", publishedTime: true).encoded() != ExportScope(domain: "acme").encoded())
        #expect(ExportScope(domain: "acme", format: .pypi).encoded() != ExportScope(domain: "acme", format: .npm).encoded())
    }
}
