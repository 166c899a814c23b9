import Model
import Testing

/// Pins a version's lifecycle statuses to the service model's enumeration.
@Suite struct PackageVersionStatusTests {
    @Test func statusesAreTheServiceModelsInItsOrder() throws {
        #expect(PackageVersionStatus.allCases.map(\.rawValue) == (try ServiceModel.enumeration("PackageVersionStatus")))
    }

    @Test func statusesReadOnlyAsTheServiceSpellsThem() {
        #expect(PackageVersionStatus(rawValue: "Published") == .published)
        #expect(PackageVersionStatus(rawValue: "Deleted") == .deleted)
        #expect(PackageVersionStatus(rawValue: "published") == nil)
        #expect(PackageVersionStatus(rawValue: "PUBLISHED") == nil)
    }
}
