import Foundation
import Model

/// Turns grouped versions into the fewest requests: each group's versions (a package's
/// versions of one inventory status) sorted, exact duplicates removed, cut into runs of at most
/// 100, groups in key order, then status order.
///
/// The result depends only on the set of rows, never on their order in the manifests.
public struct PlanBuilder: Sendable {
    /// Every group seen, its position in `keys`, `statuses` and `lists`.
    private var index: [HashedKey: Int32] = [:]
    private var keys: [PackageKey] = []
    private var statuses: [PackageVersionStatus?] = []
    /// Per group: its versions; after `finalize`, sorted and unique.
    private var lists: [[String]] = []
    /// Per group with any revision: each version's revision.
    private var revisions: [Int32: [String: String]] = [:]
    /// Versions the rows give two different statuses or revisions: which is right is not known.
    public private(set) var conflicts: [PlanConflict] = []
    private var rowsOutsideShard = 0
    /// After `finalize`: the packages' positions in plan order.
    private var order: [Int32] = []
    public private(set) var totals = PlanTotals()

    public init() {}

    public mutating func add(_ batch: PackageGroups) {
        rowsOutsideShard += batch.rowsOutsideShard
        for run in batch.runs {
            let next = Int32(keys.count)
            var isNew = false
            // One hash lookup whether the group is new or not.
            let hash = run.status.map { run.keyHash &* 31 &+ $0.hashValue } ?? run.keyHash
            let position = { (slot: inout Int32?) -> Int32 in
                if slot == nil {
                    slot = next
                    isNew = true
                }
                return slot!
            }(&index[HashedKey(key: run.key, status: run.status, hash: hash)])
            if isNew {
                keys.append(run.key)
                statuses.append(run.status)
                lists.append(run.versions)
            } else {
                lists[Int(position)].append(contentsOf: run.versions)
            }
            if let runRevisions = run.revisions { addRevisions(runRevisions, of: run.versions, group: position) }
        }
    }

    private mutating func addRevisions(_ runRevisions: [String], of versions: [String], group: Int32) {
        for (version, revision) in zip(versions, runRevisions) where !revision.isEmpty {
            // In place: a package's dictionary is not copied for each run of its rows.
            let earlier = revisions[group, default: [:]].updateValue(revision, forKey: version)
            if let earlier, earlier != revision, conflicts.count < PlanConflict.kept {
                conflicts.append(PlanConflict(key: keys[Int(group)], version: version,
                                              first: "revision \(earlier)", second: "revision \(revision)"))
            }
        }
    }

    /// Sorts and deduplicates and counts; `rows`, `rejects` and `blankLines` come from the scan.
    public mutating func finalize(rows: Int, rejects: Int, blankLines: Int) -> PlanTotals {
        var totals = PlanTotals()
        totals.rows = rows
        totals.rejects = rejects
        totals.blankLines = blankLines
        totals.rowsOutsideShard = rowsOutsideShard
        index = [:]
        let sortKeys = Self.sortBytes(keys, statuses)
        let (order, removed) = Self.sort(sortKeys, lists: &lists)
        self.order = order

        var repositories: [PlanTotals.Repository] = []
        var previousIndex: Int32?
        for index in order {
            let unique = lists[Int(index)].count
            let requests = (unique + BatchRequest.maxVersions - 1) / BatchRequest.maxVersions
            // A package's status groups are consecutive: count it once. Compared as the sort's
            // bytes, which a key's members are written first in: no key is copied per group.
            let samePackage = previousIndex.map { sortKeys.samePackage($0, index) } ?? false
            if samePackage, let previousIndex { findOverlap(previousIndex, index) }
            if !samePackage { totals.packages += 1 }
            totals.versions += unique
            totals.requests += requests
            // Keys sort by domain, owner, repository and format first: one repository's
            // packages are consecutive.
            if !(previousIndex.map { sortKeys.sameRepository($0, index) } ?? false) {
                let key = keys[Int(index)]
                repositories.append(PlanTotals.Repository(domain: key.domain, domainOwner: key.domainOwner,
                                                          repository: key.repository, format: key.format))
            }
            if !samePackage { repositories[repositories.count - 1].packages += 1 }
            repositories[repositories.count - 1].versions += unique
            repositories[repositories.count - 1].requests += requests
            previousIndex = index
        }
        totals.duplicates = removed
        totals.repositories = repositories.sorted()
        self.totals = totals
        return totals
    }

    /// Records a version two status groups of one package share (both lists sorted): the rows
    /// disagree about its status, and sending it twice would act on it twice.
    private mutating func findOverlap(_ a: Int32, _ b: Int32) {
        let x = lists[Int(a)], y = lists[Int(b)]
        var i = 0, j = 0
        while i < x.count && j < y.count && conflicts.count < PlanConflict.kept {
            if x[i] == y[j] {
                conflicts.append(PlanConflict(key: keys[Int(a)], version: x[i], first: "status \(statuses[Int(a)]?.rawValue ?? "none")",
                                              second: "status \(statuses[Int(b)]?.rawValue ?? "none")"))
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// The packages' order, and every version list sorted and deduplicated (returning how many
    /// repeats were removed): the key sort and the list sorts share the cores.
    private static func sort(_ sortKeys: SortKeys, lists: inout [[String]]) -> (order: [Int32], removed: Int) {
        var order = (0..<Int32(lists.count)).map { $0 }
        let (sortBytes, offsets) = (sortKeys.bytes, sortKeys.offsets)
        let chunkCount = max(1, min(64, lists.count / 1024))
        var removed = [Int](repeating: 0, count: chunkCount)
        let total = lists.count
        lists.withUnsafeMutableBufferPointer { listBuffer in
            order.withUnsafeMutableBufferPointer { orderBuffer in
                removed.withUnsafeMutableBufferPointer { removedBuffer in
                    sortBytes.withUnsafeBufferPointer { bytes in
                        offsets.withUnsafeBufferPointer { offsets in
                            let shared = SharedBuffers(bytes: bytes, offsets: offsets, lists: listBuffer,
                                                       order: orderBuffer, removed: removedBuffer)
                            // Iteration 0 sorts the keys; the others each take a slice of the lists.
                            DispatchQueue.concurrentPerform(iterations: chunkCount + 1) { iteration in
                                if iteration == 0 {
                                    var order = shared.order
                                    order.sort { shared.precedes($0, $1) }
                                    return
                                }
                                let chunk = iteration - 1
                                var count = 0
                                for index in (total * chunk / chunkCount)..<(total * (chunk + 1) / chunkCount) {
                                    count += sortAndDeduplicate(&shared.lists[index])
                                }
                                shared.removed[chunk] = count
                            }
                        }
                    }
                }
            }
        }
        return (order, removed.reduce(0, +))
    }

    /// Every group's key and status as bytes that sort as they do, and the lengths of the
    /// prefixes that name its repository and its package.
    struct SortKeys {
        var bytes: [UInt8]
        /// Per group, and one more at the end: where its bytes start.
        var offsets: [Int]
        /// Per group: how many of its bytes name its repository (domain, owner, repository, format).
        var repositoryLengths: [Int32]
        /// Per group: how many of its bytes name its package (the repository's, namespace, package).
        var packageLengths: [Int32]

        func samePackage(_ a: Int32, _ b: Int32) -> Bool { samePrefix(a, b, packageLengths) }
        func sameRepository(_ a: Int32, _ b: Int32) -> Bool { samePrefix(a, b, repositoryLengths) }

        private func samePrefix(_ a: Int32, _ b: Int32, _ lengths: [Int32]) -> Bool {
            let length = lengths[Int(a)]
            guard length == lengths[Int(b)] else { return false }
            return bytes.withUnsafeBufferPointer { bytes in
                memcmp(bytes.baseAddress! + offsets[Int(a)], bytes.baseAddress! + offsets[Int(b)], Int(length)) == 0
            }
        }
    }

    /// Every key as bytes that sort as the keys do (see `PackageKey.<`), one after another:
    /// comparing them is a `memcmp`, where comparing keys costs a dozen reference counts.
    /// Each member is its UTF-8 followed by 0x00, with 0x00 and 0x01 inside it written as
    /// 0x01 0x01 and 0x01 0x02 so that the order is kept.
    static func sortBytes(_ keys: [PackageKey], _ statuses: [PackageVersionStatus?]) -> SortKeys {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keys.count * 64)
        var offsets: [Int] = []
        offsets.reserveCapacity(keys.count + 1)
        var repositoryLengths: [Int32] = [], packageLengths: [Int32] = []
        repositoryLengths.reserveCapacity(keys.count)
        packageLengths.reserveCapacity(keys.count)
        func append(_ member: String) {
            for byte in member.utf8 {
                if byte <= 1 {
                    bytes.append(1)
                    bytes.append(byte + 1)
                } else {
                    bytes.append(byte)
                }
            }
            bytes.append(0)
        }
        for (key, status) in zip(keys, statuses) {
            let start = bytes.count
            offsets.append(start)
            append(key.domain)
            append(key.domainOwner ?? "")
            append(key.repository)
            append(key.format.rawValue)
            repositoryLengths.append(Int32(bytes.count - start))
            append(key.namespace ?? "")
            append(key.package)
            packageLengths.append(Int32(bytes.count - start))
            append(status?.rawValue ?? "")
        }
        offsets.append(bytes.count)
        return SortKeys(bytes: bytes, offsets: offsets, repositoryLengths: repositoryLengths, packageLengths: packageLengths)
    }

    /// A group's key (package and status) with its hash already computed (see `PackageGroups.Run.keyHash`).
    private struct HashedKey: Hashable, Sendable {
        let key: PackageKey
        let status: PackageVersionStatus?
        let hash: Int

        static func == (a: HashedKey, b: HashedKey) -> Bool { a.hash == b.hash && a.status == b.status && a.key == b.key }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// The buffers `sort` hands to its concurrent iterations: each iteration writes only its
    /// own part, so sharing them is safe.
    private struct SharedBuffers: @unchecked Sendable {
        var bytes: UnsafeBufferPointer<UInt8>
        var offsets: UnsafeBufferPointer<Int>
        var lists: UnsafeMutableBufferPointer<[String]>
        var order: UnsafeMutableBufferPointer<Int32>
        var removed: UnsafeMutableBufferPointer<Int>

        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let aStart = offsets[Int(a)], aCount = offsets[Int(a) + 1] - aStart
            let bStart = offsets[Int(b)], bCount = offsets[Int(b) + 1] - bStart
            let order = memcmp(bytes.baseAddress! + aStart, bytes.baseAddress! + bStart, min(aCount, bCount))
            return order != 0 ? order < 0 : aCount < bCount
        }
    }

    /// The requests in plan order, ids from 1.
    public func forEachRequest(_ body: (BatchRequest) throws -> Void) rethrows {
        var id = 1
        for index in order {
            let versions = lists[Int(index)]
            var start = 0
            while start < versions.count {
                let end = min(start + BatchRequest.maxVersions, versions.count)
                try body(Self.request(id: id, group: index, versions[start..<end], keys: keys, statuses: statuses,
                                      revisions: revisions))
                id += 1
                start = end
            }
        }
    }

    private static func request(id: Int, group: Int32, _ versions: ArraySlice<String>, keys: [PackageKey],
                                statuses: [PackageVersionStatus?], revisions: [Int32: [String: String]]) -> BatchRequest {
        BatchRequest(id: id, key: keys[Int(group)], versions: Array(versions), expectedStatus: statuses[Int(group)],
                     revisions: revisions[group].map { known in versions.map { known[$0] ?? "" } })
    }

    /// The plan file's request lines, in plan order, a few thousand packages at a time: each
    /// chunk is encoded on whichever core is free, and `body` gets the chunks in order.
    public func forEachEncodedChunk(_ body: ([UInt8]) throws -> Void) rethrows {
        let packagesPerChunk = 2048
        let chunksPerWave = 4 * ProcessInfo.processInfo.activeProcessorCount
        // The first request id of every chunk.
        var firstIDs: [Int] = []
        var id = 1
        for (position, index) in order.enumerated() {
            if position % packagesPerChunk == 0 { firstIDs.append(id) }
            id += (lists[Int(index)].count + BatchRequest.maxVersions - 1) / BatchRequest.maxVersions
        }
        var chunk = 0
        while chunk < firstIDs.count {
            let wave = min(chunksPerWave, firstIDs.count - chunk)
            let encoded = Self.encodeWave(chunks: chunk..<(chunk + wave), packagesPerChunk: packagesPerChunk,
                                          firstIDs: firstIDs, order: order, keys: keys, statuses: statuses, lists: lists,
                                          revisions: revisions)
            for bytes in encoded { try body(bytes) }
            chunk += wave
        }
    }

    private static func encodeWave(chunks: Range<Int>, packagesPerChunk: Int, firstIDs: [Int], order: [Int32],
                                   keys: [PackageKey], statuses: [PackageVersionStatus?], lists: [[String]],
                                   revisions: [Int32: [String: String]]) -> [[UInt8]] {
        let results = ChunkResults(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { offset in
            let chunk = chunks.lowerBound + offset
            var bytes: [UInt8] = []
            bytes.reserveCapacity(256 * 1024)
            var id = firstIDs[chunk]
            for position in (chunk * packagesPerChunk)..<min((chunk + 1) * packagesPerChunk, order.count) {
                let index = Int(order[position])
                let versions = lists[index]
                var start = 0
                while start < versions.count {
                    let end = min(start + BatchRequest.maxVersions, versions.count)
                    let slice = versions[start..<end]
                    PlanFile.appendLine(id: id, key: keys[index], expectedStatus: statuses[index], versions: slice,
                                        revisions: revisions[Int32(index)].map { known in slice.map { known[$0] ?? "" } },
                                        to: &bytes)
                    id += 1
                    start = end
                }
            }
            results.set(offset, bytes)
        }
        return results.values
    }

    /// Slots the iterations of `encodeWave` fill, each its own.
    private final class ChunkResults: @unchecked Sendable {
        private var slots: [[UInt8]]
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ index: Int, _ bytes: [UInt8]) {
            slots.withUnsafeMutableBufferPointer { $0[index] = bytes }
        }
        var values: [[UInt8]] { slots }
    }

    /// Sorts and removes repeats, leaving the unique versions; returns how many were removed.
    /// The list's count afterwards is the unique count.
    static func sortAndDeduplicate(_ versions: inout [String]) -> Int {
        versions.sort()
        var kept = 0
        for index in versions.indices where index == 0 || versions[index] != versions[kept - 1] {
            versions.swapAt(kept, index)
            kept += 1
        }
        let removed = versions.count - kept
        versions.removeLast(removed)
        return removed
    }
}
