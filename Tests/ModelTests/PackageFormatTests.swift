import Model
import Testing

@Suite struct PackageFormatTests {
    /// The service's namespace rule per format (CodeArtifact user guide: maven group id, swift
    /// scope and generic namespace required; npm scope optional; the others have none).
    @Test func namespaceRulesFollowTheService() {
        let rules = Dictionary(uniqueKeysWithValues: PackageFormat.allCases.map { ($0.rawValue, "\($0.namespaceRule)") })
        #expect(rules == ["maven": "required", "swift": "required", "generic": "required", "npm": "optional",
                          "pypi": "forbidden", "nuget": "forbidden", "ruby": "forbidden", "cargo": "forbidden"])
    }

    @Test func everyFormatTheServiceModelNamesIsKnown() throws {
        #expect(PackageFormat.allCases.map(\.rawValue).sorted() == ["cargo", "generic", "maven", "npm", "nuget", "pypi", "ruby", "swift"])
        #expect(PackageFormat(rawValue: "NPM") == nil, "formats are lowercase on the wire")
    }
}
