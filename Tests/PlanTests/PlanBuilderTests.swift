@testable import Plan
import Foundation
import Manifest
import Model
import Testing

/// Pins the builder on its own: versions sorted and deduplicated, runs of at most 100, packages
/// in key order whatever the order of the batches, totals per repository, and encoded chunks
/// that are exactly the request lines.
@Suite struct PlanBuilderTests {
    static func row(_ package: String, _ version: String, repository: String = "npm-store", domain: String = "acme",
                    owner: String? = nil, format: PackageFormat = .npm, namespace: String? = nil) -> ManifestRow {
        ManifestRow(domain: domain, domainOwner: owner, repository: repository, format: format, namespace: namespace,
                    package: package, version: version)
    }

    /// A builder fed `batches` (each grouped as the scanner's workers group them) and finalized.
    static func build(_ batches: [[ManifestRow]], shard: Shard? = nil) -> (builder: PlanBuilder, totals: PlanTotals) {
        var builder = PlanBuilder()
        for rows in batches { builder.add(PackageGroups.group(rows, defaultOwner: nil, shard: shard)) }
        let rows = batches.reduce(0) { $0 + $1.count }
        let totals = builder.finalize(rows: rows, rejects: 2, blankLines: 3)
        return (builder, totals)
    }

    static func requests(_ builder: PlanBuilder) -> [BatchRequest] {
        var requests: [BatchRequest] = []
        builder.forEachRequest { requests.append($0) }
        return requests
    }

    @Test func aPackageIsCutIntoRunsOfAtMostAHundredSortedVersions() {
        let versions = (0..<250).map { "1.\($0)" }.shuffled()
        let (builder, totals) = Self.build([versions.map { Self.row("big", $0) }])
        let requests = Self.requests(builder)
        #expect(requests.map(\.versions.count) == [100, 100, 50])
        #expect(requests.map(\.id) == [1, 2, 3])
        let all = requests.flatMap(\.versions)
        #expect(all == versions.sorted())
        #expect(totals.packages == 1 && totals.requests == 3 && totals.versions == 250 && totals.duplicates == 0)
    }

    @Test func repeatsAcrossBatchesAreRemovedAndCounted() {
        let (builder, totals) = Self.build([
            [Self.row("a", "1"), Self.row("a", "2"), Self.row("a", "1")],
            [Self.row("b", "1"), Self.row("a", "2"), Self.row("a", "3")],
            [Self.row("a", "3")],
        ])
        #expect(Self.requests(builder).map(\.versions) == [["1", "2", "3"], ["1"]])
        #expect(totals.duplicates == 3)
        #expect(totals.versions == 4 && totals.rows == 7)
    }

    @Test func packagesComeInKeyOrderWhateverTheOrderOfTheBatches() {
        var random = SplitMix64(seed: 3)
        var rows: [ManifestRow] = []
        for p in 0..<300 {
            let repository = ["npm-store", "b-store", "Z-store"][p % 3]
            for v in 0..<(Int(random.next() % 5) + 1) {
                rows.append(Self.row("pkg\(p % 37)", "\(v).0", repository: repository, domain: p % 2 == 0 ? "acme" : "beta",
                                     owner: p % 5 == 0 ? "111122223333" : nil, namespace: p % 7 == 0 ? "scope" : nil))
            }
        }
        let forward = Self.requests(Self.build(stride(from: 0, to: rows.count, by: 50).map { Array(rows[$0..<min($0 + 50, rows.count)]) }).builder)
        let keys = forward.map(\.key)
        #expect(keys == keys.sorted())
        rows.shuffle(using: &random)
        let shuffled = Self.requests(Self.build(stride(from: 0, to: rows.count, by: 7).map { Array(rows[$0..<min($0 + 7, rows.count)]) }).builder)
        #expect(shuffled == forward)
    }

    @Test func totalsAreCountedPerRepositoryAndFormat() {
        let rows = (0..<150).map { Self.row("n", "\($0)", repository: "npm-store") }
            + [Self.row("m", "1", repository: "npm-store")]
            + [Self.row("p", "1", repository: "npm-store", format: .pypi)]
            + [Self.row("x", "1", repository: "a-store", domain: "beta", owner: "111122223333")]
        let (_, totals) = Self.build([rows])
        #expect(totals.rows == 153 && totals.rejects == 2 && totals.blankLines == 3)
        #expect(totals.packages == 4 && totals.requests == 5 && totals.versions == 153)
        #expect(totals.repositories.map { "\($0.domain)/\($0.repository)/\($0.format.rawValue)" }
            == ["acme/npm-store/npm", "acme/npm-store/pypi", "beta/a-store/npm"])
        let npm = totals.repositories[0]
        #expect(npm.packages == 2 && npm.versions == 151 && npm.requests == 3)
        #expect(totals.repositories[2].domainOwner == "111122223333")
    }

    @Test func rowsOutsideTheShardAreCountedNotPlanned() throws {
        let shard = try Shard(index: 0, count: 2)
        let rows = (0..<40).map { Self.row("p\($0)", "1.0") }
        let (builder, totals) = Self.build([rows], shard: shard)
        let planned = Self.requests(builder)
        #expect(planned.allSatisfy { shard.contains($0.key) })
        #expect(planned.count + totals.rowsOutsideShard == 40)
        #expect(totals.rowsOutsideShard > 0 && !planned.isEmpty)
        #expect(totals.rows == 40)
    }

    @Test func anEmptyBuilderPlansNothing() {
        let (builder, totals) = Self.build([])
        #expect(Self.requests(builder).isEmpty)
        var chunks = 0
        builder.forEachEncodedChunk { _ in chunks += 1 }
        #expect(chunks == 0)
        #expect(totals.packages == 0 && totals.requests == 0 && totals.repositories.isEmpty)
        #expect(PlanBuilder().totals == PlanTotals())
    }

    /// Chunks are encoded on several cores, in waves; together they are the request lines in plan order.
    @Test func encodedChunksAreTheRequestLinesInOrder() {
        var rows: [ManifestRow] = []
        for p in 0..<20_000 { rows.append(Self.row("p\(p)", "1.\(p % 3)")) }
        rows += (0..<230).map { Self.row("p7", "2.\($0)") }
        let (builder, totals) = Self.build([rows])
        var encoded: [UInt8] = []
        var chunks = 0
        builder.forEachEncodedChunk { chunk in
            encoded += chunk
            chunks += 1
        }
        var expected: [UInt8] = []
        builder.forEachRequest { expected += PlanFile.encode($0) + [0x0A] }
        #expect(chunks == 10, "2048 packages a chunk")
        #expect(encoded == expected)
        #expect(totals.requests == 20_002)
    }

    /// The byte keys the parallel sort compares must order as `PackageKey` does, NUL and 0x01 included.
    @Test func sortBytesOrderAsTheKeysDo() {
        let members = ["", "a", "a\u{0}", "a\u{1}", "a\u{1}\u{0}", "a\u{2}", "ab", "b", "Z", "é", "e\u{301}", "\u{0}"]
        var random = SplitMix64(seed: 8)
        func pick() -> String { members[Int(random.next() % UInt64(members.count))] }
        var keys: [PackageKey] = []
        for _ in 0..<250 {
            // An owner or namespace is absent or not empty: the service's rules refuse empty ones.
            func optional() -> String? { let member = pick(); return random.next() % 2 == 0 || member.isEmpty ? nil : member }
            keys.append(PackageKey(domain: pick(), domainOwner: optional(), repository: pick(),
                                   format: random.next() % 2 == 0 ? .npm : .maven, namespace: optional(), package: pick()))
        }
        let sortKeys = PlanBuilder.sortBytes(keys, Array(repeating: nil, count: keys.count))
        let (bytes, offsets) = (sortKeys.bytes, sortKeys.offsets)
        #expect(offsets.count == keys.count + 1 && offsets.last == bytes.count)
        func slice(_ i: Int) -> ArraySlice<UInt8> { bytes[offsets[i]..<offsets[i + 1]] }
        for i in 0..<keys.count {
            for j in 0..<keys.count where i != j {
                let byBytes = slice(i).lexicographicallyPrecedes(slice(j))
                let byKey = keys[i] < keys[j]
                if byBytes != byKey { Issue.record("\(keys[i]) vs \(keys[j]): bytes \(byBytes), keys \(byKey)") }
                // Their prefixes name the same package, or repository, exactly when the keys do.
                let samePackage = keys[i] == keys[j]
                let sameRepository = PackageKey.sameBytes(keys[i].domain, keys[j].domain)
                    && PackageKey.sameBytes(keys[i].domainOwner, keys[j].domainOwner)
                    && PackageKey.sameBytes(keys[i].repository, keys[j].repository) && keys[i].format == keys[j].format
                if sortKeys.samePackage(Int32(i), Int32(j)) != samePackage { Issue.record("package: \(keys[i]) vs \(keys[j])") }
                if sortKeys.sameRepository(Int32(i), Int32(j)) != sameRepository { Issue.record("repository: \(keys[i]) vs \(keys[j])") }
            }
        }
    }

    @Test func sortAndDeduplicateKeepsOneOfEach() {
        var versions = ["b", "a", "b", "c", "a", "a"]
        #expect(PlanBuilder.sortAndDeduplicate(&versions) == 3)
        #expect(versions == ["a", "b", "c"])
        var empty: [String] = []
        #expect(PlanBuilder.sortAndDeduplicate(&empty) == 0 && empty.isEmpty)
        var unique = ["3", "1", "2"]
        #expect(PlanBuilder.sortAndDeduplicate(&unique) == 0 && unique == ["1", "2", "3"])
    }
}
