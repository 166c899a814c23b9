import Foundation
import Journal
import TestSupport
import Testing
import Model

@Suite struct JournalWriterTests {
    typealias F = JournalFixture

    private func open(_ path: String, sha: String = F.planSHA,
                      onDurable: JournalWriter.DurabilityHandler? = nil) throws -> JournalWriter.Opened {
        try JournalWriter.open(path: path, planSHA256: sha, requests: F.requests, cabatchVersion: "0.1.0",
                               time: F.epoch, onDurable: onDurable)
    }

    @Test func createsAppendsAndResumes() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("p.plan.journal")
        let first = try open(path)
        #expect(first.created)
        let writer = first.writer
        try writer.append(F.runStart(0))
        try writer.append(F.intent(1, 1, 1, ["1.0.0", "1.0.1", "1.0.2"]))
        let seq = try writer.append(F.answer(1, 1, 2, [VersionResult("1.0.0", .done(revision: "r"))]))
        #expect(seq == 4)
        try await writer.waitDurable(seq)
        #expect(writer.durableSequence >= 4)
        try writer.close()
        #expect(throws: JournalError.self) { try writer.append(F.runStart(5)) }

        let again = try open(path)
        #expect(!again.created)
        #expect(again.read.records == 4)
        #expect(again.replay.state(request: 1, versionIndex: 0) == .done)
        #expect(again.replay.lostAnswers == 0)
        #expect(try again.writer.append(F.runStart(10)) == 5)
        try again.writer.close()
    }

    @Test func tornTailIsCutBeforeAppending() throws {
        let dir = try TemporaryDirectory()
        var bytes = F.bytes(Array(F.sample.prefix(4)))
        bytes.removeLast(7)
        let path = try dir.write("torn.journal", bytes)
        let opened = try open(path)
        #expect(opened.read.tornLine == 4)
        #expect(opened.replay.state(request: 1, versionIndex: 0) == .pending)
        #expect(opened.replay.lostAnswers == 1)
        try opened.writer.append(F.runStart(9))
        try opened.writer.close()
        var records: [JournalRecord] = []
        let result = try JournalFile.read(path) { _, r in records.append(r) }
        #expect(result.tornLine == nil)
        #expect(records == Array(F.sample.prefix(3)) + [F.runStart(9)])
    }

    @Test func secondWriterIsLockedOut() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("l.journal")
        let first = try open(path)
        #expect { try open(path) } throws: { error in
            guard let error = error as? JournalError, case .locked = error else { return false }
            return error.description.contains("locked by another cabatch apply")
        }
        try first.writer.close()
        try open(path).writer.close()
    }

    @Test func journalOfAnotherPlanIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("o.journal")
        try open(path).writer.close()
        #expect { try open(path, sha: String(repeating: "cd", count: 32)) } throws: { error in
            guard let error = error as? JournalError, case .otherPlan = error else { return false }
            return error.description.contains("belongs to another plan")
        }
    }

    @Test func groupCommitCoversEveryAppendInOrder() async throws {
        let dir = try TemporaryDirectory()
        let seen = Seen()
        let opened = try open(dir.file("g.journal")) { result in seen.add(result) }
        let writer = opened.writer
        let threads = 8, perThread = 250
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<threads {
                group.addTask {
                    for i in 0..<perThread {
                        _ = try? writer.append(F.intent(1 + (t + i) % 3, i + 1, Int64(i), []))
                    }
                }
            }
        }
        let last = writer.lastSequence
        #expect(last == UInt64(1 + threads * perThread))
        try await writer.waitDurable(last)
        try writer.close()
        let values = seen.values
        #expect(values.last == last)
        #expect(values == values.sorted())
        #expect(Set(values).count == values.count)
        var count = 0
        try JournalFile.read(dir.file("g.journal")) { seq, _ in
            count += 1
            #expect(seq == UInt64(count))
        }
        #expect(count == Int(last))
    }
}

/// Collects durability notifications from the sync queue.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [UInt64] = []
    func add(_ result: Result<UInt64, JournalError>) {
        lock.lock(); defer { lock.unlock() }
        if case .success(let seq) = result { list.append(seq) }
    }
    var values: [UInt64] { lock.lock(); defer { lock.unlock() }; return list }
}
