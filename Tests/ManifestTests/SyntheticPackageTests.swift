@testable import Manifest
import JSONLines
import Model
import Testing

/// Pins the made-up packages: valid rows in every format, versions in each ecosystem's style
/// oldest first, inventories in a plausible publish order, and bad lines of every reject kind.
@Suite struct SyntheticPackageTests {
    static func packages(_ count: Int, seed: UInt64 = 1) -> [SyntheticPackage] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { SyntheticPackage(index: $0, rng: &random) }
    }

    /// The first three numbers of a version, which grow from one version to the next.
    static func core(_ version: String) -> [Int] {
        let text = version.hasPrefix("2024.") ? String(version.dropFirst(5)) : version
        let numbers = text.split(whereSeparator: { !$0.isNumber }).prefix(3).compactMap { Int($0) }
        return numbers
    }

    @Test func everyPackageIsAValidPackageOfItsFormat() {
        let packages = Self.packages(1500)
        #expect(Set(packages.map(\.format)) == Set(PackageFormat.allCases))
        for package in packages {
            let row = package.row(version: "1.0.0")
            #expect(row.violations().isEmpty, "\(row.key)")
            #expect(package.repository == "\(package.format.rawValue)-store" || package.repository == "\(package.format.rawValue)-upstream")
        }
        // Names never repeat, past the word lists too.
        #expect(Set(packages.map(\.name)).count == packages.count)
        #expect(packages[700].name.hasSuffix("1"), "index 700 is past the 600 word pairs")
    }

    @Test func theSameIndexAndSeedMakeTheSamePackage() {
        let a = Self.packages(50, seed: 9), b = Self.packages(50, seed: 9)
        for (x, y) in zip(a, b) {
            #expect(x.row(version: "1") == y.row(version: "1"))
        }
        var ra = SplitMix64(seed: 4), rb = SplitMix64(seed: 4)
        #expect(a[3].versions(count: 40, rng: &ra) == a[3].versions(count: 40, rng: &rb))
    }

    @Test func versionsAreDistinctValidAndOldestFirst() {
        var random = SplitMix64(seed: 5)
        for package in Self.packages(200) {
            let versions = package.versions(count: 60, rng: &random)
            #expect(versions.count == 60)
            #expect(Set(versions).count == 60, "\(package.format)")
            for version in versions {
                #expect(ServiceConstraints.check(.version, version) == nil, "\(version)")
            }
            let cores = versions.map(Self.core)
            #expect(cores.allSatisfy { $0.count == 3 }, "\(package.format): \(versions.prefix(3))")
            #expect(zip(cores, cores.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }, "\(package.format)")
        }
    }

    @Test func inventoriesListEveryVersionInAPlausiblePublishOrder() {
        var random = SplitMix64(seed: 6), inventoryRandom = SplitMix64(seed: 7)
        var swapped = 0
        for package in Self.packages(300) {
            let versions = package.versions(count: 30, rng: &random)
            let rows = package.inventoryRows(versions, rng: &inventoryRandom)
            #expect(rows.map(\.version).sorted() == versions.sorted())
            #expect(rows.allSatisfy { $0.key == package.row(version: "").key })
            // Publish order is version order with some neighbours swapped (backports).
            for (position, row) in rows.enumerated() {
                let index = versions.firstIndex(of: row.version)!
                #expect(abs(index - position) <= 1)
                if index != position { swapped += 1 }
            }
            let times = rows.map { $0.publishedTime!.millisecondsSinceEpoch }
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "times advance")
            #expect(rows.allSatisfy { [.published, .unlisted, .archived].contains($0.status) })
            #expect(rows.allSatisfy { $0.origin == (package.repository.hasSuffix("-upstream") ? .external : .internal) })
            // One default display version: the highest release, else the highest version.
            let defaults = rows.filter { $0.isDefaultDisplayVersion == true }.map(\.version)
            let release = versions.last { !SyntheticPackage.isPrerelease($0) } ?? versions.last!
            #expect(defaults == [release])
        }
        #expect(swapped > 0)
    }

    @Test func badLinesCycleThroughEveryRejectKind() {
        var random = SplitMix64(seed: 1)
        var kinds: [RejectKind] = []
        for index in 0..<15 {
            let line = BadLine.make(index, rng: &random)
            if line.count > LineBatcher.defaultMaxLineLength {
                kinds.append(.lineTooLong)
                continue
            }
            switch line.withUnsafeBytes({ ManifestRowDecoder().decode($0) }) {
            case .success(let row): Issue.record("bad line \(index) decoded as \(row)")
            case .failure(let failure): kinds.append(failure.kind)
            }
        }
        #expect(kinds == [.lineTooLong, .notUTF8, .invalidJSON, .notAnObject, .missingMember, .wrongType, .tooShort, .tooLong,
                          .pattern, .unknownFormat, .namespaceRequired, .namespaceForbidden, .repeatedMember, .unknownValue, .pattern])
        #expect(Set(kinds) == Set(RejectKind.allCases))
        #expect(BadLine.make(15, rng: &random) == BadLine.make(0, rng: &random), "the kinds cycle")
    }

    @Test func prereleaseSpellingsAreRecognised() {
        for version in ["1.0.0-beta.3", "2.0.0rc1", "1.0-SNAPSHOT", "3.1.0-preview.2", "1.2.3.pre"] {
            #expect(SyntheticPackage.isPrerelease(version), "\(version)")
        }
        for version in ["1.0.0", "2.0.0.post1", "2024.1.2-build.3"] {
            #expect(!SyntheticPackage.isPrerelease(version), "\(version)")
        }
    }
}
