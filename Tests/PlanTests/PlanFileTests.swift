import Foundation
import Plan
import TestSupport
import Testing
import JSONLines

@Suite struct PlanFileTests {
    private func makePlan(_ dir: TemporaryDirectory, versions: Int = 250) throws -> String {
        let lines = (0..<versions).map { ManifestFixture.line(namespace: "types", package: "node", version: "18.0.\($0)") }
            + [ManifestFixture.line(format: "pypi", package: "requests", version: "2.0 beta")] // rejected: space
        let manifest = try dir.write("m.jsonl", ManifestFixture.text(lines))
        let result = try Planner(skipInvalid: true).plan([InputFile(manifest)]) { _ in }
        let path = dir.file("m.plan")
        try PlanFile.write(result.header, requests: result.builder, to: path)
        return path
    }

    @Test func roundTrips() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        let plan = try PlanFile.read(path)
        #expect(plan.requests.map(\.versions.count) == [100, 100, 50])
        #expect(plan.header.totals.versions == 250)
        #expect(plan.header.totals.rejects == 1)
        #expect(plan.header.manifests[0].rejects == [.pattern: 1])
        #expect(plan.header.skipInvalid)
        #expect(plan.sha256.count == 64)
        #expect(plan.requests[0].key.packageName == "npm/types/node")
    }

    @Test func truncatedPlanIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let bytes = try dir.read(URL(fileURLWithPath: try makePlan(dir, versions: 5000)).lastPathComponent)
        let cut = try dir.write("cut.plan", Array(bytes.prefix(bytes.count - 20)))
        #expect { try PlanFile.read(cut) } throws: { error in
            guard let error = error as? PlanError, case .truncated = error else { return false }
            return error.description.contains("cut.plan")
        }
    }

    @Test func otherFilesAreNotPlans() throws {
        let dir = try TemporaryDirectory()
        let manifest = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line()]))
        #expect { try PlanFile.read(manifest) } throws: { ($0 as? PlanError)?.code == "not-a-plan" }
        let empty = try dir.write("empty.plan", [])
        #expect { try PlanFile.read(empty) } throws: { ($0 as? PlanError)?.code == "not-a-plan" }
    }

    @Test func otherFormatVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        let header = #"{"format":"cabatch-plan","formatVersion":99}"#
        let frame = try ManifestFixture.zstdFrame(ManifestFixture.text([header]), in: dir)
        let path = try dir.write("future.plan", frame)
        #expect { try PlanFile.read(path) } throws: { error in
            (error as? PlanError)?.code == "not-a-plan" && "\(error)".contains("format version 99")
        }
    }

    @Test func damagedLineIsNamed() throws {
        let dir = try TemporaryDirectory()
        let plan = try PlanFile.read(try makePlan(dir))
        var lines = [String(decoding: plan.header.encoded().bytes, as: UTF8.self)]
        lines += plan.requests.map { String(decoding: PlanFile.encode($0), as: UTF8.self) }
        lines[2] = "{not json"
        let frame = try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir)
        let path = try dir.write("damaged.plan", frame)
        #expect { try PlanFile.read(path) } throws: { error in
            guard case .sealBroken(_, let line, let problem) = error as? PlanError else { return false }
            return line == 3 && problem?.contains("damaged plan line") == true
        }
    }

    // MARK: - The seal

    /// The plan's lines, header first, as written.
    private func lines(_ path: String) throws -> [String] {
        var lines: [String] = []
        try JSONLinesReader.forEachLine(of: InputFile(path)) { _, line in
            lines.append(String(decoding: UnsafeRawBufferPointer(line!), as: UTF8.self))
        }
        return lines
    }

    /// A plan of `header` and `requestLines`, one zstd frame, sealed with those lines' digest: a
    /// plan made by something other than cabatch plan, which only the rules can refuse.
    private func forge(_ dir: TemporaryDirectory, _ name: String, header: PlanHeader, requestLines: [String]) throws -> String {
        var header = header
        header.requestsSHA256 = SHA256Hex.of(ManifestFixture.text(requestLines))
        let text = ManifestFixture.text([String(decoding: header.encoded().bytes, as: UTF8.self)] + requestLines)
        return try dir.write(name, try ManifestFixture.zstdFrame(text, in: dir))
    }

    /// The lines with line `number` (1-based) changed, written as a plan (one zstd frame).
    private func edited(_ dir: TemporaryDirectory, _ lines: [String], line number: Int, _ old: String, _ new: String) throws -> String {
        var lines = lines
        let line = lines[number - 1].replacingOccurrences(of: old, with: new)
        try #require(line != lines[number - 1], "line \(number) has no \(old)")
        lines[number - 1] = line
        return try dir.write("edited.plan", try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir))
    }

    @Test func sealRoundTrips() throws {
        let dir = try TemporaryDirectory()
        let path = try makePlan(dir)
        let lines = try lines(path)
        let plan = try PlanFile.read(path)
        // The exact bytes after the header line: every request line and its newline.
        #expect(plan.header.requestsSHA256 == SHA256Hex.of(ManifestFixture.text(Array(lines.dropFirst()))))
        #expect(lines[0].contains(#""formatVersion":3,"#))
        #expect(lines[0].contains(#""operation":"delete","apiOperation":"DeletePackageVersions","targetStatus":"Deleted""#))
        #expect(lines[0].contains(#""requestsSHA256":"\#(plan.header.requestsSHA256!)""#))
        #expect(try PlanFile.readSealedHeader(path) == (plan.header, plan.sha256))

        // Header and requests are separate zstd frames; re-encoded as one frame, the lines keep their seal.
        let oneFrame = try dir.write("one.plan", try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir))
        #expect(try dir.read("one.plan") != dir.read("m.plan"))
        #expect(try PlanFile.read(oneFrame).requests == plan.requests)

        // The header written is the header read, seal included.
        let manifest = try dir.write("n.jsonl", ManifestFixture.text([ManifestFixture.line()]))
        let result = try Planner().plan([InputFile(manifest)]) { _ in }
        #expect(result.header.requestsSHA256 == nil)
        let written = try PlanFile.write(result.header, requests: result.builder, to: dir.file("n.plan"))
        #expect(try PlanFile.read(dir.file("n.plan")).header.encoded().bytes == written.encoded().bytes)
        #expect(!FileManager.default.fileExists(atPath: dir.file("n.plan.requests.partial")))
    }

    @Test func emptyPlanIsSealedToo() throws {
        let dir = try TemporaryDirectory()
        let manifest = try dir.write("m.jsonl", ManifestFixture.text([ManifestFixture.line(version: "bad version")]))
        let result = try Planner(skipInvalid: true).plan([InputFile(manifest)]) { _ in }
        let written = try PlanFile.write(result.header, requests: result.builder, to: dir.file("m.plan"))
        #expect(written.requestsSHA256 == SHA256Hex.of([]))
        #expect(try PlanFile.read(dir.file("m.plan")).requests.isEmpty)
    }

    @Test func versionEditedToABadOneBreaksTheSealNamingTheLine() throws {
        let dir = try TemporaryDirectory()
        let path = try edited(dir, try lines(try makePlan(dir)), line: 3, #""18.0.199""#, #""bad version/with#chars""#)
        let readers: [() throws -> Void] = [{ _ = try PlanFile.read(path) }, { _ = try PlanFile.readSealedHeader(path) }]
        for read in readers {
            #expect(throws: PlanError.sealBroken(
                file: path, line: 3,
                problem: #"request 2: version "bad version/with#chars" does not match [^#/\s]+ (it contains white space)"#
            )) { try read() }
        }
        #expect("\(PlanError.sealBroken(file: "p", line: 3, problem: "x"))".contains("make it again with cabatch plan"))
    }

    @Test func versionEditedToAnotherValidOneBreaksTheSeal() throws {
        let dir = try TemporaryDirectory()
        let path = try edited(dir, try lines(try makePlan(dir)), line: 3, #""18.0.199""#, #""18.0.999""#)
        #expect(throws: PlanError.sealBroken(file: path, line: nil, problem: nil)) { try PlanFile.read(path) }
        #expect(throws: PlanError.sealBroken(file: path, line: nil, problem: nil)) { try PlanFile.readSealedHeader(path) }
        // Line endings are bytes the seal covers.
        let crlf = try dir.write("crlf.plan", try ManifestFixture.zstdFrame(
            Array((try lines(try makePlan(dir)).joined(separator: "\r\n") + "\r\n").utf8), in: dir))
        #expect(throws: PlanError.sealBroken(file: crlf, line: nil, problem: nil)) { try PlanFile.read(crlf) }
    }

    @Test func requestOfAHundredAndOneVersionsIsRefused() throws {
        let dir = try TemporaryDirectory()
        let plan = try PlanFile.read(try makePlan(dir))
        var first = plan.requests[0]
        first.versions.append("99.0.0")
        let path = try forge(dir, "forged.plan", header: plan.header,
                             requestLines: ([first] + plan.requests.dropFirst()).map { String(decoding: PlanFile.encode($0), as: UTF8.self) })
        let refusal = PlanError.invalidRequest(file: path, line: 2, request: 1, rule: "it holds 101 versions; a request takes 1 to 100")
        #expect(throws: refusal) { try PlanFile.read(path) }
        // Reports check only the seal up front, then the rules as they stream the requests.
        #expect(try PlanFile.readSealedHeader(path).header.requestsSHA256 != plan.header.requestsSHA256)
        #expect(throws: refusal) { try PlanFile.forEachRequest(path, header: { _ in }, { _ in }) }
        #expect("\(refusal)".hasPrefix("\(path):2: request 1: it holds 101 versions"))
    }

    @Test func duplicateOrOutOfSequenceRequestIDsAreRefused() throws {
        let dir = try TemporaryDirectory()
        let plan = try PlanFile.read(try makePlan(dir))
        var requests = Array(plan.requests)
        requests[1].id = 1
        let repeated = try forge(dir, "repeated.plan", header: plan.header,
                                 requestLines: requests.map { String(decoding: PlanFile.encode($0), as: UTF8.self) })
        #expect(throws: PlanError.invalidRequest(file: repeated, line: 3, request: 1,
                                                 rule: "its id repeats an earlier request's; ids run 1, 2, 3… in plan order")) {
            try PlanFile.read(repeated)
        }
        requests[1].id = 7
        let skipped = try forge(dir, "skipped.plan", header: plan.header,
                                requestLines: requests.map { String(decoding: PlanFile.encode($0), as: UTF8.self) })
        #expect { try PlanFile.read(skipped) } throws: { error in
            guard case .invalidRequest(_, 3, 7, let rule) = error as? PlanError else { return false }
            return rule.contains("out of sequence where request 2 belongs")
        }
    }

    /// Found by fuzzing the plan reader: a request line whose id has more digits than an `Int`
    /// holds stopped the reader (an overflow in the fast line decoder) instead of naming the line.
    @Test func requestIDTooLongForAnIntIsDamageNotACrash() throws {
        let dir = try TemporaryDirectory()
        let plan = try PlanFile.read(try makePlan(dir))
        // The request line of the fuzzer's input, as it found it.
        let line = #"{"id":66666666666666666666666666666666666666666666666666666666666661,"domain":"\#u{1F}\#0\#0\#0\#0\#0\#0\#0acme","domainOwner":"\#0\#0\#0\#0\#0\#0\#0\#0\#0\#0111122223333","repository":"maven-store","format":"maven","namespace":"com.acme.zephyr","package":"beacon-client","versions":["3.6.1"]}"#
        let path = try forge(dir, "long-id.plan", header: plan.header, requestLines: [line])
        #expect { try PlanFile.read(path) } throws: { error in
            guard case .damaged(_, 2, _) = error as? PlanError else { return false }
            return true
        }
    }

    /// A plan sealed by something other than cabatch plan is still held to the manifest's rules.
    @Test func everyMemberIsCheckedAgainstTheServiceRules() throws {
        let dir = try TemporaryDirectory()
        let plan = try PlanFile.read(try makePlan(dir))
        // The plan's last request (50 versions), as the only one.
        var only = plan.requests[2]
        only.id = 1
        let good = String(decoding: PlanFile.encode(only), as: UTF8.self)
        let cases: [(String, String, String)] = [
            (#""domain":"acme""#, #""domain":"Acme""#, "does not match [a-z][a-z0-9-]{0,48}[a-z0-9]"),
            (#""domainOwner":null"#, #""domainOwner":"1234""#, "is not a 12-digit account id"),
            (#""repository":"npm-store""#, #""repository":"npm store""#, "does not match [A-Za-z0-9][A-Za-z0-9._-]{1,99}"),
            (#""format":"npm""#, #""format":"cobol""#, #"format "cobol" is not one of"#),
            (#""format":"npm""#, #""format":"pypi""#, "namespace must be absent for pypi packages"),
            (#""namespace":"types""#, #""namespace":"@types""#, #"npm namespace "@types" starts with @"#),
            (#""package":"node""#, #""package":"no/de""#, #"does not match [^#/\s]+"#),
            (#""versions":["#, #""versions":["","#, "version is empty"),
            (#""versions":["#, #""versions":[],"unused":["#, "it holds 0 versions; a request takes 1 to 100"),
        ]
        for (old, new, rule) in cases {
            let line = good.replacingOccurrences(of: old, with: new)
            try #require(line != good, "no \(old)")
            let path = try forge(dir, "forged.plan", header: plan.header, requestLines: [line])
            #expect { try PlanFile.read(path) } throws: { error in
                guard case .invalidRequest(_, 2, 1, let found) = error as? PlanError else { return false }
                return found.contains(rule)
            }
        }
    }

    @Test func aFormatTwoPlanIsStillADeletePlan() throws {
        let dir = try TemporaryDirectory()
        var lines = try lines(try makePlan(dir))
        lines[0] = lines[0].replacingOccurrences(of: #""formatVersion":3,"operation":"delete","#,
                                                 with: #""formatVersion":2,"operation":"DeletePackageVersions","#)
        let path = try dir.write("v2.plan", try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir))
        let plan = try PlanFile.read(path)
        #expect(plan.header.operation == .delete)
        #expect(plan.requests.count == 3)
    }

    @Test func oldFormatVersionIsRefusedWithWhatToDo() throws {
        let dir = try TemporaryDirectory()
        var lines = try lines(try makePlan(dir))
        lines[0] = lines[0].replacingOccurrences(of: #""formatVersion":3,"#, with: #""formatVersion":1,"#)
        let path = try dir.write("old.plan", try ManifestFixture.zstdFrame(ManifestFixture.text(lines), in: dir))
        #expect(throws: PlanError.oldFormat(file: path, version: 1)) { try PlanFile.read(path) }
        #expect(throws: PlanError.oldFormat(file: path, version: 1)) { try PlanFile.readHeader(path) }
        #expect("\(PlanError.oldFormat(file: "old.plan", version: 1))".hasSuffix("make the plan again with cabatch plan"))
    }
}
