import JSONLines
import Manifest
import Testing

/// Pins a manifest's read statistics: the file's identity seen through them, and the rejects counted per kind.
@Suite struct ManifestStatsTests {
    @Test func theFilesIdentityReadsThroughTheStats() {
        var stats = ManifestStats(name: "m.jsonl.zst")
        #expect(stats.name == "m.jsonl.zst" && stats.file.name == "m.jsonl.zst")
        #expect(stats.sha256 == "" && stats.bytes == 0 && !stats.compressed)
        stats.sha256 = "ab"
        stats.bytes = 10
        stats.compressed = true
        #expect(stats.file.sha256 == "ab" && stats.file.bytes == 10 && stats.file.compressed)
    }

    @Test func rejectsAreCountedPerKindAndInAll() {
        var stats = ManifestStats(name: "m")
        #expect(stats.rejectCount == 0)
        stats.rejects[.pattern] = 3
        stats.rejects[.invalidJSON, default: 0] += 2
        #expect(stats.rejectCount == 5)
        var other = stats
        other.rows = 1
        #expect(other != stats)
    }
}
