import JSONLines
import Manifest
import Model
import Plan
import Testing

/// Pins the plan's first line: every member written in a fixed order and read back the same, and
/// each way a header can be wrong refused with the plan's name and line 1.
@Suite struct PlanHeaderTests {
    static let seal = String(repeating: "0123456789abcdef", count: 4)

    static var header: PlanHeader {
        var first = ManifestStats(name: "inventory.jsonl.zst")
        first.sha256 = String(repeating: "ab", count: 32)
        first.bytes = 1234
        first.compressed = true
        first.lines = 20
        first.rows = 17
        first.blankLines = 1
        first.rejects = [.pattern: 1, .invalidJSON: 1]
        var second = ManifestStats(name: "-")
        second.sha256 = String(repeating: "cd", count: 32)
        var totals = PlanTotals()
        totals.rows = 17
        totals.rowsOutsideShard = 4
        totals.duplicates = 2
        totals.rejects = 2
        totals.blankLines = 1
        totals.packages = 3
        totals.requests = 4
        totals.versions = 11
        var npm = PlanTotals.Repository(domain: "acme", domainOwner: nil, repository: "npm-store", format: .npm)
        npm.packages = 2
        npm.versions = 10
        npm.requests = 3
        var maven = PlanTotals.Repository(domain: "beta", domainOwner: "111122223333", repository: "maven-store", format: .maven)
        maven.packages = 1
        maven.versions = 1
        maven.requests = 1
        totals.repositories = [npm, maven]
        var header = PlanHeader(manifests: [first, second], defaultDomainOwner: "999988887777", skipInvalid: true,
                                shard: try? Shard(index: 1, count: 4), totals: totals)
        header.requestsSHA256 = seal
        return header
    }

    static func text(_ header: PlanHeader) -> String { String(decoding: header.encoded().bytes, as: UTF8.self) }

    static func decode(_ text: String, file: String = "p.plan") throws -> PlanHeader {
        try PlanHeader(decoding: JSONValue.parse(Array(text.utf8)), file: file)
    }

    @Test func everyMemberReadsBackAsWritten() throws {
        #expect(try Self.decode(Self.text(Self.header)) == Self.header)
        var plain = Self.header
        plain.defaultDomainOwner = nil
        plain.shard = nil
        plain.skipInvalid = false
        plain.manifests = []
        plain.totals.repositories = []
        #expect(try Self.decode(Self.text(plain)) == plain)
    }

    @Test func membersComeInAFixedOrder() throws {
        let text = Self.text(Self.header)
        #expect(text.hasPrefix(#"{"format":"cabatch-plan","formatVersion":3,"operation":"delete","apiOperation":"DeletePackageVersions","targetStatus":"Deleted","requestsSHA256":"\#(Self.seal)","manifests":[{"name":"inventory.jsonl.zst","#))
        let object = try #require(try JSONValue.parse(Array(text.utf8)).objectValue)
        #expect(object.members.map(\.0) == ["format", "formatVersion", "operation", "apiOperation", "targetStatus", "requestsSHA256", "manifests", "options",
                                            "totals", "repositories"])
        #expect(text.contains(#""options":{"domainOwner":"999988887777","skipInvalid":true,"shard":"1/4"}"#))
        #expect(text.contains(#""totals":{"rows":17,"rowsOutsideShard":4,"duplicates":2,"rejects":2,"blankLines":1,"packages":3,"requests":4,"versions":11}"#))
        // Rejects in the kinds' order, whatever order they were counted in.
        #expect(text.contains(#""rejects":{"invalid-json":1,"pattern":1}"#))
    }

    @Test func theSameHeaderIsTheSameBytes() {
        var a = Self.header, b = Self.header
        a.manifests[0].rejects = [:]
        b.manifests[0].rejects = [:]
        for kind in RejectKind.allCases { a.manifests[0].rejects[kind] = 1 }
        for kind in RejectKind.allCases.reversed() { b.manifests[0].rejects[kind] = 1 }
        #expect(a.encoded().bytes == b.encoded().bytes)
    }

    @Test func aNewHeaderIsADeletePlanNotYetSealed() {
        let header = PlanHeader(manifests: [], defaultDomainOwner: nil, skipInvalid: false, shard: nil, totals: PlanTotals())
        #expect(header.operation == .delete)
        #expect(header.requestsSHA256 == nil)
        #expect(Self.text(header).contains(#""requestsSHA256":null"#))
        #expect(PlanHeader.formatName == "cabatch-plan" && PlanHeader.formatVersion == 3)
    }

    @Test func whatIsNotAPlanHeaderIsNotAPlan() {
        #expect(throws: PlanError.notAPlan(file: "p.plan", reason: "its first line is not a cabatch plan header")) {
            try Self.decode("[1]")
        }
        #expect(throws: PlanError.notAPlan(file: "p.plan", reason: "its first line is not a cabatch plan header")) {
            try Self.decode(#"{"format":"cabatch-journal","formatVersion":2}"#)
        }
        #expect(throws: PlanError.notAPlan(file: "p.plan", reason: "format version ? is not 3, the one this cabatch reads")) {
            try Self.decode(#"{"format":"cabatch-plan"}"#)
        }
        #expect(throws: PlanError.notAPlan(file: "p.plan", reason: "format version 4 is not 3, the one this cabatch reads")) {
            try Self.decode(#"{"format":"cabatch-plan","formatVersion":4}"#)
        }
        #expect(throws: PlanError.oldFormat(file: "old.plan", version: 1)) {
            try Self.decode(#"{"format":"cabatch-plan","formatVersion":1}"#, file: "old.plan")
        }
    }

    /// `old` in the written header replaced by `new`, read.
    static func edited(_ old: String, _ new: String) throws -> PlanHeader {
        let text = Self.text(Self.header)
        let changed = text.replacingOccurrences(of: old, with: new)
        try #require(changed != text, "no \(old) in the header")
        return try Self.decode(changed)
    }

    @Test(arguments: [
        (#""rowsOutsideShard":4,"#, "", "header member rowsOutsideShard is missing"),
        (#""requests":3}"#, #""requests":"3"}"#, "header member requests is missing"),
        (#""name":"-","#, "", "header member name is missing"),
        (#""format":"maven""#, #""format":"cobol""#, "unknown format in header"),
        (#""pattern":1"#, #""bogus":1"#, "unknown reject kind bogus in header"),
        (#""pattern":1"#, #""pattern":"one""#, "unknown reject kind pattern in header"),
        (#""operation":"delete","#, "", "header member operation is missing"),
        (#""operation":"delete","#, #""operation":"shred","#, "unknown operation shred in header"),
        (#""requestsSHA256":"0123"#, #""requestsSHA256":null,"x":"0123"#, "header member requestsSHA256 is missing"),
        (#""requestsSHA256":"0123"#, #""requestsSHA256":"F123"#, "header member requestsSHA256 is not a SHA-256 in hex"),
        (#""requestsSHA256":"0123"#, #""requestsSHA256":"123"#, "header member requestsSHA256 is not a SHA-256 in hex"),
    ])
    func aDamagedHeaderNamesWhatIsWrongOnLineOne(old: String, new: String, reason: String) {
        #expect(throws: PlanError.damaged(file: "p.plan", line: 1, reason: reason)) { try Self.edited(old, new) }
    }

    @Test func aShardThatIsNotIOfNIsRefused() {
        #expect(throws: PlanError.invalidShard("4/4")) { try Self.edited(#""shard":"1/4""#, #""shard":"4/4""#) }
    }

    @Test func absentOptionsAreTheDefaults() throws {
        let header = try Self.edited(#""options":{"domainOwner":"999988887777","skipInvalid":true,"shard":"1/4"}"#, #""options":{}"#)
        #expect(header.defaultDomainOwner == nil && !header.skipInvalid && header.shard == nil)
        let uncompressed = try Self.edited(#""compressed":true,"#, "")
        #expect(!uncompressed.manifests[0].compressed)
    }
}
