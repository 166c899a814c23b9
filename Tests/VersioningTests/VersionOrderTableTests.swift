import Model
import Testing
import Versioning

/// For each format, a package whose publish order disagrees with its version order: a backport
/// (1.10 after 2.0, which a string sort also puts before 1.9), a pre-release published last that
/// sorts before its release, and the ecosystem's own twist (epochs, service packs, a fourth
/// number, build metadata). Sorting by `Versioning.parse` must give the ecosystem's order.
@Suite struct VersionOrderTableTests {
    struct Package: Sendable, CustomTestStringConvertible {
        let format: PackageFormat
        let published: [String]
        let versionOrder: [String]
        var testDescription: String { format.rawValue }
    }

    static let packages: [Package] = [
        Package(format: .npm, published: ["1.9.0", "2.0.0", "1.10.0", "2.0.1", "2.1.0-rc.1", "2.0.0-rc.1"],
                versionOrder: ["1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0", "2.0.1", "2.1.0-rc.1"]),
        Package(format: .pypi, published: ["1.9", "2.0", "1.10", "2.0.post1", "1!0.1", "2.0rc1", "2.0.dev3"],
                versionOrder: ["1.9", "1.10", "2.0.dev3", "2.0rc1", "2.0", "2.0.post1", "1!0.1"]),
        Package(format: .maven, published: ["1.9", "2.0", "1.10", "2.0-sp1", "2.0-RC1", "2.0-SNAPSHOT"],
                versionOrder: ["1.9", "1.10", "2.0-RC1", "2.0-SNAPSHOT", "2.0", "2.0-sp1"]),
        Package(format: .nuget, published: ["1.9.0", "2.0.0", "1.10.0", "2.0.0.1", "2.0.0-RC.1"],
                versionOrder: ["1.9.0", "1.10.0", "2.0.0-RC.1", "2.0.0", "2.0.0.1"]),
        Package(format: .ruby, published: ["1.9", "2.0", "1.10", "2.0.1.pre", "2.0.rc1"],
                versionOrder: ["1.9", "1.10", "2.0.rc1", "2.0", "2.0.1.pre"]),
        Package(format: .cargo, published: ["1.9.0", "2.0.0+build.2", "1.10.0", "2.0.0+build.1", "2.0.0-rc.1"],
                versionOrder: ["1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0+build.1", "2.0.0+build.2"]),
        Package(format: .swift, published: ["1.9.0", "2.0.0", "1.10.0", "2.0.1", "2.0.0-rc.1"],
                versionOrder: ["1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0", "2.0.1"]),
    ]

    @Test(arguments: packages)
    func versionOrderIsTheEcosystems(package: Package) throws {
        let versions = try package.published.map { try #require(Versioning.parse($0, format: package.format)) }
        let sorted = versions.sorted().map(\.text)
        #expect(sorted == package.versionOrder)
        #expect(sorted != package.published, "the table must disagree with publish order to show anything")
        #expect(sorted.suffix(2) != package.published.suffix(2), "the two highest are not the two latest published")
        #expect(sorted.sorted() != sorted, "a string sort would get it wrong too")
    }
}
