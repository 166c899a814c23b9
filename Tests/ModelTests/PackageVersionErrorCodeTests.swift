import Model
import Testing

/// Pins the per-version error codes of a batch answer to the service model's enumeration.
@Suite struct PackageVersionErrorCodeTests {
    @Test func codesAreTheServiceModelsInItsOrder() throws {
        #expect(PackageVersionErrorCode.allCases.map(\.rawValue) == (try ServiceModel.enumeration("PackageVersionErrorCode")))
    }

    @Test func codesReadOnlyAsTheServiceSpellsThem() {
        #expect(PackageVersionErrorCode(rawValue: "SKIPPED") == .skipped)
        #expect(PackageVersionErrorCode(rawValue: "MISMATCHED_STATUS") == .mismatchedStatus)
        #expect(PackageVersionErrorCode(rawValue: "skipped") == nil)
        #expect(PackageVersionErrorCode(rawValue: "NOT FOUND") == nil)
    }
}
