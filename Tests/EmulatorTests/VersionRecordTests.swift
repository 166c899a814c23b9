@testable import Emulator
import Model
import Testing

/// Pins `VersionRecord` and `PackageVersions`: revisions that change with each status change,
/// saturating counters, a compact record, the default display version and the newest-first order.
@Suite struct VersionRecordTests {
    private let seed = RevisionSeed(PackageKey(domain: "acme", repository: "npm-store", format: .npm, package: "p"))

    @Test func versionRecordsStayCompact() {
        // Ten million of them in a benchmark: a computed revision and a time add no allocation.
        #expect(MemoryLayout<VersionRecord>.stride <= 40)
        let record = VersionRecord(status: .published, publishedTime: 0)
        #expect(record.givenRevision == nil)
    }

    @Test func theRevisionIsTheGivenOrComputedOneUntilAChange() {
        var computed = VersionRecord(status: .published, publishedTime: 0)
        #expect(computed.revision(seed, "1") == seed.revision(of: "1"))
        let given = VersionRecord(status: .published, revision: "R1", publishedTime: 0)
        #expect(given.revision(seed, "1") == "R1")
        computed.change(to: .archived)
        #expect(computed.status == .archived && computed.changes == 1)
        let first = computed.revision(seed, "1")
        #expect(first == RevisionSeed.revision(after: seed.revision(of: "1"), changes: 1))
        computed.change(to: .published)
        #expect(computed.revision(seed, "1") != first)
        #expect(computed.deletes == 0)
    }

    @Test func deletesAreCountedAndTheVersionIsGone() {
        var record = VersionRecord(status: .unlisted, publishedTime: 0)
        #expect(record.exists)
        record.delete()
        record.delete()
        #expect(!record.exists && record.status == .deleted && record.deletes == 2 && record.changes == 0)
        #expect(VersionRecord(status: .disposed, publishedTime: 0).exists, "a disposed version is still listed")
    }

    @Test func countersSaturate() {
        var record = VersionRecord(status: .published, publishedTime: 0)
        record.changes = .max - 1
        record.deletes = .max
        record.change(to: .archived)
        let saturated = record.revision(seed, "1")
        record.change(to: .published)
        record.delete()
        #expect(record.changes == .max && record.deletes == .max)
        #expect(record.revision(seed, "1") == saturated, "past the last count the revision stays put")
    }

    @Test func theDefaultDisplayVersionIsTheFlaggedOneElseTheNewestPublished() {
        var versions = PackageVersions()
        versions.add("1", VersionRecord(status: .published, publishedTime: 10), isDefault: nil)
        versions.add("2", VersionRecord(status: .published, publishedTime: 30), isDefault: nil)
        versions.add("3", VersionRecord(status: .archived, publishedTime: 40), isDefault: nil)
        versions.add("4", VersionRecord(status: .published, publishedTime: 30), isDefault: nil)
        #expect(versions.defaultDisplayVersion() == "4", "a tie goes to the later row; archived ones do not count")
        versions.add("1", VersionRecord(status: .published, publishedTime: 10), isDefault: true)
        #expect(versions.order == ["1", "2", "3", "4"], "replacing a record keeps its place")
        #expect(versions.defaultDisplayVersion() == "1")
        versions.records["1"]?.delete()
        versions.defaultDisplayCache = nil
        #expect(versions.defaultDisplayVersion() == "4", "a deleted flagged version no longer counts")
        versions.add("1", VersionRecord(status: .published, publishedTime: 10), isDefault: false)
        #expect(versions.flaggedDefault == nil)
        var none = PackageVersions()
        none.add("1", VersionRecord(status: .unlisted, publishedTime: 0), isDefault: nil)
        #expect(none.defaultDisplayVersion() == nil)
    }

    @Test func newestFirstOrderBreaksTiesByLaterPosition() {
        var versions = PackageVersions()
        for (version, time) in [("a", 5), ("b", 9), ("c", 5), ("d", 1)] {
            versions.add(version, VersionRecord(status: .published, publishedTime: Int64(time)), isDefault: nil)
        }
        #expect(versions.publishedTimeOrder().map { versions.order[Int($0)] } == ["b", "c", "a", "d"])
        #expect(versions.latestPublished == 9)
        versions.add("e", VersionRecord(status: .published, publishedTime: 7), isDefault: nil)
        #expect(versions.byPublishedTime == nil, "adding a version drops the order")
        #expect(versions.publishedTimeOrder().map { versions.order[Int($0)] } == ["b", "e", "c", "a", "d"])
    }

    @Test func versionAnswersAreWordedAsTheService() {
        #expect(VersionAnswer.mismatchedStatus(.archived, expected: .published)
            == .failed(.mismatchedStatus, message: "current status: Archived, expected status: Published"))
        #expect(VersionAnswer.mismatchedRevision("A", expected: "B")
            == .failed(.mismatchedRevision, message: "current revision: A, expected revision: B"))
        #expect(VersionAnswer.skipped("1.0") == .failed(.skipped, message: "version 1.0 is skipped"))
        #expect(VersionAnswer.succeeded(revision: "r", status: .deleted).succeeded)
        #expect(!VersionAnswer.notFound.succeeded)
        var outcome = BatchOutcome()
        outcome.outcomes = [("1", .notFound), ("2", .succeeded(revision: "r", status: .deleted)), ("3", .skipped("3"))]
        #expect(outcome.succeededCount == 1)
    }
}
