import Model
import Plan
import Testing

/// Pins `--shard I/N`: what parses, the error for what does not, and that the shards of a count
/// split packages between them by the key's stable hash.
@Suite struct ShardTests {
    @Test func shardHashIsStable() throws {
        let key = PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store", format: .npm,
                             namespace: "types", package: "node")
        // Fixed forever (documented FNV-1a, checked independently): changing it would move
        // packages between the shards of a running job.
        #expect(key.stableHash == 0xd83d_d15f_b1a0_fbd0)
        #expect(try Shard(parsing: "0/4").contains(key))
        #expect(try Shard(parsing: "1/3").index == 1)
        #expect(throws: PlanError.self) { try Shard(parsing: "3/3") }
        #expect(throws: PlanError.self) { try Shard(parsing: "x") }
    }

    @Test func parsesIOfNAndWritesItBack() throws {
        for text in ["0/1", "0/4", "3/4", "99/100"] {
            let shard = try Shard(parsing: text)
            #expect(shard.description == text)
            #expect(try Shard(index: shard.index, count: shard.count) == shard)
        }
        #expect(try Shard(parsing: "2/5").count == 5)
    }

    @Test(arguments: ["4/4", "-1/4", "0/0", "1/-2", "1/", "/4", "1/2/3", "a/b", " 1/4", "1/4 ", "1\\4", "", "1"])
    func refusesWhatIsNotIOfN(text: String) {
        #expect(throws: PlanError.invalidShard(text)) { try Shard(parsing: text) }
    }

    @Test func theErrorSaysWhatAShardLooksLike() {
        #expect(throws: PlanError.invalidShard("5/3")) { try Shard(index: 5, count: 3) }
        #expect(PlanError.invalidShard("5/3").description == "shard \"5/3\" is not I/N with 0 ≤ I < N (for example 0/4 … 3/4)")
    }

    @Test func everyPackageIsInExactlyOneShardOfACount() throws {
        for count in [1, 2, 3, 7] {
            let shards = try (0..<count).map { try Shard(index: $0, count: count) }
            var sizes = [Int](repeating: 0, count: count)
            for p in 0..<500 {
                let key = PackageKey(domain: "acme", repository: "r\(p % 4)", format: .npm, package: "p\(p)")
                let holders = shards.filter { $0.contains(key) }
                #expect(holders.map(\.index) == [Int(key.stableHash % UInt64(count))])
                sizes[holders[0].index] += 1
            }
            #expect(sizes.allSatisfy { $0 > 500 / count / 2 }, "roughly even: \(sizes)")
        }
    }
}
