import FuzzSupport
@testable import Journal
import Plan
import JSONLines
import Model

enum JournalReplayFuzz {
    static let directory = ScratchFile.directory("journal")
    static let journalPath = directory + "/fuzz.plan.journal"
    /// The small plan every journal is replayed against: three packages, six versions.
    static let plan: (path: String, contents: PlanFile.Contents) = {
        let manifest = directory + "/fuzz.jsonl", path = directory + "/fuzz.plan"
        let rows = [
            #"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"18.11.9"}"#,
            #"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"18.11.10"}"#,
            #"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"20.1.0"}"#,
            #"{"domain":"acme","domainOwner":"111122223333","repository":"pypi-store","format":"pypi","package":"requests","version":"2.31.0"}"#,
            #"{"domain":"acme","domainOwner":"111122223333","repository":"pypi-store","format":"pypi","package":"requests","version":"2.32.0"}"#,
            #"{"domain":"platform","domainOwner":"444455556666","repository":"maven-upstream","format":"maven","namespace":"org.example","package":"core","version":"1.0.0"}"#,
        ]
        do {
            try ScratchFile.write(Array(rows.joined(separator: "\n").utf8) + [0x0A], to: manifest)
            var planned = try Planner().plan([InputFile(manifest)], onReject: { _ in })
            // A name of its own, so that the plan's bytes (and sha256, which journals name) are the same in every run.
            planned.header.manifests[0].file.name = "fuzz.jsonl"
            try PlanFile.write(planned.header, requests: planned.builder, to: path)
            return (path, try PlanFile.read(path))
        } catch {
            fatalError("cannot write the plan: \(error)")
        }
    }()

    static func test(_ input: UnsafeRawBufferPointer) {
        let plan = plan
        guard let mode = input.first else { return }
        let content = UnsafeRawBufferPointer(rebasing: input.dropFirst())
        let file = mode % 2 == 0 ? Array(content) : withCRCs(content)
        do { try ScratchFile.write(file, to: journalPath) } catch { fatalError("cannot write \(journalPath): \(error)") }
        do {
            let (replay, _) = try JournalFile.replay(journalPath, requests: plan.contents.requests)
            touch(replay)
        } catch {
            _ = "\(error)"
        }
        do {
            let index = try JournalIndex(path: journalPath, planSHA256: plan.contents.sha256,
                                         requestCount: plan.contents.requests.count)
            _ = index.runs.count
            try index.forEachStretch(planPath: plan.path, versionsPerStretch: 1) { touch($0) }
        } catch {
            _ = "\(error)"
        }
        // After the readers, so that a crash in both is found where the readers meet it.
        file.withUnsafeBytes { checkWrittenLines($0, input: input) }
    }

    /// Asks a replay what reports, `status` and `apply` ask of one.
    static func touch(_ replay: JournalReplay) {
        _ = (replay.totals, replay.lostAnswers, replay.runs.count, replay.answers.count, replay.latencies.count)
        _ = replay.pendingRequests()
        replay.forEachVersion { _ = ($0.version, $0.errorCode, $0.errorMessage, $0.attempts) }
        replay.forEachSettlement { _, _, _ in }
        for request in replay.requests.startIndex..<replay.requests.endIndex {
            let id = replay.requests.firstId + request
            _ = (replay.states(request: id), replay.pendingVersions(request: id), replay.nextAttempt(request: id))
        }
    }

    /// Each line with its CRC member appended, as `JournalCodec.encode` ends a line.
    static func withCRCs(_ content: UnsafeRawBufferPointer) -> [UInt8] {
        var file: [UInt8] = []
        let lines = Lines.split(content)
        for (index, line) in lines.enumerated() {
            file.append(contentsOf: line)
            let crc = CRC32C.finish(CRC32C.update(CRC32C.update(CRC32C.start, line), CollectionOfOne(UInt8(ascii: "}"))))
            file.append(contentsOf: #","crc":""#.utf8)
            file.append(contentsOf: CRC32C.hex(crc).utf8)
            file.append(contentsOf: #""}"#.utf8)
            if index < lines.count - 1 || content.last == 0x0A { file.append(0x0A) }
        }
        return file
    }

    /// An intent or answer read straight from its bytes must be what jansson reads. Only lines that
    /// pass the CRC check get that far, so only they are compared.
    static func checkWrittenLines(_ file: UnsafeRawBufferPointer, input: UnsafeRawBufferPointer) {
        for line in Lines.split(file) {
            guard (try? JournalCodec.decode(line)) != nil, let written = JournalCodec.decodeWritten(line) else { continue }
            do throws(JournalCodec.LineDefect) {
                let parsed = try JournalCodec.decodeParsed(line)
                if parsed != written {
                    FuzzDriver.disagreement("read from its bytes as \(written), through jansson as \(parsed)", input: input)
                }
            } catch {
                FuzzDriver.disagreement("read from its bytes as \(written), through jansson: \(error)", input: input)
            }
            let listless = JournalCodec.decodeWritten(line, lists: false)
            if listless?.sequence != written.sequence {
                FuzzDriver.disagreement("read with lists as \(written), without: \(String(describing: listless))", input: input)
            }
        }
    }

    /// Journals of the small plan: whole runs, a lost answer, retries, every outcome, a torn last line.
    static func writeSeeds(to seeds: SeedDirectory) throws {
        let requests = plan.contents.requests
        let start = 1_772_618_400_000 as Int64
        func time(_ offset: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: start + offset) }
        let node = requests.versions(at: 0), pypi = requests.versions(at: 1), maven = requests.versions(at: 2)
        let firstRun: [JournalRecord] = [
            .header(JournalHeader(planSHA256: plan.contents.sha256, cabatchVersion: "0.0.0-fuzz", startTime: time(0))),
            .runStart(RunStart(time: time(1), endpoint: "http://127.0.0.1:8080", region: "us-east-1", concurrency: 4,
                               cabatchVersion: "0.0.0-fuzz")),
            .intent(AttemptIntent(request: 1, attempt: 1, time: time(2), versions: node)),
            .intent(AttemptIntent(request: 2, attempt: 1, time: time(3), versions: pypi)),
            .answer(AttemptAnswer(request: 1, attempt: 1, time: time(40), latencyMilliseconds: 38, httpStatus: 200,
                                  serviceRequestId: "req-1",
                                  results: [VersionResult(node[0], .done(revision: "r1")), VersionResult(node[1], .absent),
                                            VersionResult(node[2], .failed(code: "MISMATCHED_STATUS", message: "has status Archived"))])),
            .answer(AttemptAnswer(request: 2, attempt: 1, time: time(41), latencyMilliseconds: 38, httpStatus: 429,
                                  serviceRequestId: "req-2", errorType: "ThrottlingException", errorMessage: "Rate exceeded",
                                  throttled: true, results: [])),
            .intent(AttemptIntent(request: 2, attempt: 2, time: time(90), versions: pypi)),
            .answer(AttemptAnswer(request: 2, attempt: 2, time: time(120), latencyMilliseconds: 30, httpStatus: 200,
                                  serviceRequestId: "req-3",
                                  results: [VersionResult(pypi[0], .done(revision: nil)),
                                            VersionResult(pypi[1], .retryable(code: "SKIPPED", message: "skipped"))])),
            .intent(AttemptIntent(request: 3, attempt: 1, time: time(121), versions: maven)),
            .runEnd(RunEnd(time: time(200), reason: .interrupted, message: "stopped")),
        ]
        let secondRun: [JournalRecord] = [
            .runStart(RunStart(time: time(5000), endpoint: "http://127.0.0.1:8080", region: "us-east-1", concurrency: 1,
                               cabatchVersion: "0.0.0-fuzz")),
            .intent(AttemptIntent(request: 3, attempt: 2, time: time(5001), versions: maven)),
            .answer(AttemptAnswer(request: 3, attempt: 2, time: time(5050), latencyMilliseconds: 49, httpStatus: nil,
                                  serviceRequestId: nil, errorType: "ConnectionReset", errorMessage: "reset", results: [])),
            .intent(AttemptIntent(request: 2, attempt: 3, time: time(5051), versions: [pypi[1]])),
            .answer(AttemptAnswer(request: 2, attempt: 3, time: time(5090), latencyMilliseconds: 39, httpStatus: 200,
                                  serviceRequestId: "req-5", results: [VersionResult(pypi[1], .done(revision: "r9"))])),
            .runEnd(RunEnd(time: time(5100), reason: .completed)),
        ]
        for records in [Array(firstRun.prefix(3)), firstRun, firstRun + secondRun] {
            let lines = records.enumerated().map { JournalCodec.encode($0.element, sequence: UInt64($0.offset + 1)) }
            let file = Array(lines.joined(separator: [0x0A])) + [0x0A]
            let stripped = Array(lines.map { $0.dropLast(JournalCodec.crcSuffixLength) }.joined(separator: [0x0A])) + [0x0A]
            try seeds.add("journal", [0] + file)
            try seeds.add("journal-torn", [0] + file.dropLast(9))
            try seeds.add("journal-lines", [1] + stripped)
        }
    }
}
