import ArgumentParser
import Foundation
import Plan

/// `--shard I/N`, or `--shard-count N` with the index from an array job's environment.
struct ShardOptions: ParsableArguments {
    @Option(help: "Plan only shard I of N (I from 0): packages are split by a stable hash, all versions of a package in one shard.")
    var shard: String?

    @Option(help: "Split into N shards, taking this job's index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.")
    var shardCount: Int?

    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
        if let shard {
            guard shardCount == nil else { throw ValidationError("Give either --shard I/N or --shard-count N, not both.") }
            do { return try Shard(parsing: shard) } catch { throw ValidationError("\(error).") }
        }
        guard let count = shardCount else { return nil }
        guard let text = environment["JOB_COMPLETION_INDEX"] ?? environment["AWS_BATCH_JOB_ARRAY_INDEX"],
              let index = Int(text) else {
            throw ValidationError("--shard-count needs JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX in the environment; or give --shard I/N.")
        }
        do { return try Shard(index: index, count: count) } catch { throw ValidationError("\(error).") }
    }
}
