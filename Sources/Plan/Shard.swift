import Model
/// One of N disjoint parts of a plan (`--shard I/N`, I from 0), so that N machines or array
/// jobs can share a cleanup without two of them touching the same package.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 0, index < count else {
            throw PlanError.invalidShard("\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw PlanError.invalidShard(text)
        }
        try self.init(index: index, count: count)
    }

    /// All versions of a package fall in the same shard: the key's stable hash decides.
    public func contains(_ key: PackageKey) -> Bool {
        Int(key.stableHash % UInt64(count)) == index
    }

    public var description: String { "\(index)/\(count)" }
}
