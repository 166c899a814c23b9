import Model
import Testing
import Versioning

/// Pins `Version` and `Versioning.parse`: the text and format kept, the ecosystem's ties left as
/// ties, three-way comparison, formats that never interleave, and generic's lack of an order.
@Suite struct VersionTests {
    /// generic has no version order: nothing parses, and its versions go by publish time.
    @Test func genericHasNoVersionOrder() {
        #expect(!Versioning.hasVersionOrder(.generic))
        for text in ["1.9", "2.0", "1.10", "2024-05-02"] {
            #expect(Versioning.parse(text, format: .generic) == nil)
        }
        #expect(PackageFormat.allCases.filter(Versioning.hasVersionOrder).count == PackageFormat.allCases.count - 1)
    }

    @Test func keepsTheTextAndFormat() throws {
        let version = try #require(Versioning.parse(" v1.2.3 ", format: .npm))
        #expect(version.text == " v1.2.3 ")
        #expect(version.description == " v1.2.3 ")
        #expect(version.format == .npm)
        #expect(version.majorKey == "1")
        #expect(!version.isPrerelease)
    }

    /// Versions of different formats never interleave: they sort by format name.
    @Test func differentFormatsSortByFormatName() throws {
        let cargo = try #require(Versioning.parse("9.0.0", format: .cargo))
        let npm = try #require(Versioning.parse("1.0.0", format: .npm))
        #expect(cargo < npm)
        #expect(cargo != npm)
        #expect(npm.compare(cargo) == 1)
    }

    /// One version of each format with an order; the formats' names are their order.
    @Test func everyFormatSortsApartInItsNamesOrder() throws {
        let texts: [PackageFormat: String] = [.npm: "1.0.0", .pypi: "1.0", .maven: "1.0", .nuget: "1.0.0", .ruby: "1.0",
                                              .cargo: "1.0.0", .swift: "1.0.0"]
        let versions = try texts.map { format, text in try #require(Versioning.parse(text, format: format)) }
        #expect(versions.sorted().map(\.format.rawValue) == ["cargo", "maven", "npm", "nuget", "pypi", "ruby", "swift"])
    }

    /// Different strings can be equal in an ecosystem's order; nothing here breaks the tie.
    @Test(arguments: [
        (PackageFormat.maven, "1.0", "1"), (.maven, "1.0.0", "1-ga"), (.pypi, "1.0", "1.0.0"), (.pypi, "1.0", "v1.0"),
        (.npm, "1.2.3+a", "1.2.3+b"), (.nuget, "1.0.0", "1.0.0.0"), (.ruby, "1.0", "1.0.0"), (.swift, "1.2.3", "01.2.3+x"),
    ])
    func differentTextsCanBeEqual(format: PackageFormat, a: String, b: String) throws {
        let x = try #require(Versioning.parse(a, format: format)), y = try #require(Versioning.parse(b, format: format))
        #expect(x == y && x.compare(y) == 0 && !(x < y) && !(y < x))
        #expect(x.text != y.text)
    }

    /// `compare` is a three-way order: -1, 0 or 1, antisymmetric and agreeing with `<` and `==`.
    @Test(arguments: [PackageFormat.npm, .pypi, .maven, .nuget, .ruby, .cargo, .swift])
    func compareIsAThreeWayOrder(format: PackageFormat) throws {
        let texts = ["0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0", "1.0.1", "1.10.0", "2.0.0", "10.0.0"]
        let versions = texts.compactMap { Versioning.parse($0, format: format) }
        #expect(versions.count == texts.count, "\(format) parses every one")
        for x in versions {
            for y in versions {
                let c = x.compare(y)
                #expect([-1, 0, 1].contains(c))
                #expect(y.compare(x) == -c)
                #expect((x < y) == (c < 0) && (x == y) == (c == 0))
            }
        }
        #expect(versions.sorted().last?.text == "10.0.0" && versions.sorted().first?.text == "0.9.0")
    }

    /// A pre-release flag and a per-major key in each ecosystem's own terms.
    @Test(arguments: [
        (PackageFormat.npm, "2.0.0-rc.1", true, "2"), (.pypi, "2!1.0rc1", true, "2!1"), (.pypi, "0!3.1", false, "3"),
        (.maven, "3.0-SNAPSHOT", true, "3"), (.nuget, "4.0.0-preview.1", true, "4"), (.ruby, "5.0.0.pre", true, "5"),
        (.cargo, "6.1.0", false, "6"), (.swift, "7.0.0-beta", true, "7"),
    ])
    func prereleaseAndMajorAreTheEcosystems(format: PackageFormat, text: String, prerelease: Bool, major: String) throws {
        let version = try #require(Versioning.parse(text, format: format))
        #expect(version.isPrerelease == prerelease)
        #expect(version.majorKey == major)
    }
}
