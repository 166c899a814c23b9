import Journal
import Testing

/// Pins how journal errors read: the journal's name, the line when there is one, what to do, and
/// a stable payload-free code for each case.
@Suite struct JournalErrorTests {
    static let plan = String(repeating: "ab", count: 32), other = String(repeating: "cd", count: 32)

    static let all: [JournalError] = [
        .locked(file: "p.plan.journal"),
        .otherPlan(file: "p.plan.journal", journalPlan: plan, plan: other),
        .notAJournal(file: "x.journal", reason: "its first record is not a header"),
        .damaged(file: "p.plan.journal", line: 4, reason: "crc mismatch"),
        .inconsistent(file: "p.plan.journal", line: 9, reason: "request 9 is not in the plan"),
        .io(file: "p.plan.journal", operation: "fsync", reason: "Input/output error"),
        .closed(file: "p.plan.journal", reason: "closed"),
    ]

    @Test func codesAreStable() {
        #expect(Self.all.map(\.code) == ["journal-locked", "journal-other-plan", "not-a-journal", "damaged-journal",
                                         "inconsistent-journal", "journal-io", "journal-closed"])
    }

    @Test func messagesNameTheJournalAndTheLine() {
        #expect(Self.all.map(\.description) == [
            "p.plan.journal is locked by another cabatch apply of the same plan; wait for it to finish or stop it, then run again",
            "p.plan.journal belongs to another plan (sha256 abababababab…, this plan is cdcdcdcdcdcd…); move the journal away or apply the plan it was made for",
            "x.journal is not a cabatch journal: its first record is not a header",
            "p.plan.journal:4: damaged journal record: crc mismatch; the records after it are intact, so the file was changed by something other than cabatch",
            "p.plan.journal:9: request 9 is not in the plan",
            "p.plan.journal: fsync failed: Input/output error",
            "p.plan.journal: the journal is closed (closed); nothing more is recorded",
        ])
    }

    @Test func errorsCompareByTheirPayload() {
        #expect(JournalError.damaged(file: "j", line: 1, reason: "r") == .damaged(file: "j", line: 1, reason: "r"))
        #expect(JournalError.damaged(file: "j", line: 1, reason: "r") != .damaged(file: "j", line: 2, reason: "r"))
        #expect(JournalError.locked(file: "a") != .locked(file: "b"))
    }
}
