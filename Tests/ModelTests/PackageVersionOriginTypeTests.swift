import Model
import Testing

/// Pins a version's origin types to the service model's enumeration.
@Suite struct PackageVersionOriginTypeTests {
    @Test func typesAreTheServiceModelsInItsOrder() throws {
        #expect(PackageVersionOriginType.allCases.map(\.rawValue) == (try ServiceModel.enumeration("PackageVersionOriginType")))
    }

    @Test func typesReadOnlyAsTheServiceSpellsThem() {
        #expect(PackageVersionOriginType(rawValue: "INTERNAL") == .internal)
        #expect(PackageVersionOriginType(rawValue: "EXTERNAL") == .external)
        #expect(PackageVersionOriginType(rawValue: "internal") == nil)
        #expect(PackageVersionOriginType(rawValue: "") == nil)
    }
}
