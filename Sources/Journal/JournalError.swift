/// Why a journal could not be opened, read, replayed or written.
public enum JournalError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Another process holds the journal's lock: a second `apply` of the same plan.
    case locked(file: String)
    /// The journal's header names a different plan.
    case otherPlan(file: String, journalPlan: String, plan: String)
    /// The first record is not a journal header of a version this cabatch reads.
    case notAJournal(file: String, reason: String)
    /// A line before the last one does not decode or fails its checksum.
    case damaged(file: String, line: Int, reason: String)
    /// A well-formed record that does not fit the plan (an unknown request or version).
    case inconsistent(file: String, line: Int, reason: String)
    /// A system call failed; `reason` is the C library's message.
    case io(file: String, operation: String, reason: String)
    /// An append after `close()` or after an earlier write or sync failed.
    case closed(file: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let file):
            "\(file) is locked by another cabatch apply of the same plan; wait for it to finish or stop it, then run again"
        case .otherPlan(let file, let journalPlan, let plan):
            "\(file) belongs to another plan (sha256 \(journalPlan.prefix(12))…, this plan is \(plan.prefix(12))…); move the journal away or apply the plan it was made for"
        case .notAJournal(let file, let reason):
            "\(file) is not a cabatch journal: \(reason)"
        case .damaged(let file, let line, let reason):
            "\(file):\(line): damaged journal record: \(reason); the records after it are intact, so the file was changed by something other than cabatch"
        case .inconsistent(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .io(let file, let operation, let reason):
            "\(file): \(operation) failed: \(reason)"
        case .closed(let file, let reason):
            "\(file): the journal is closed (\(reason)); nothing more is recorded"
        }
    }

    /// Stable, payload-free name for summaries and exit status.
    public var code: String {
        switch self {
        case .locked: "journal-locked"
        case .otherPlan: "journal-other-plan"
        case .notAJournal: "not-a-journal"
        case .damaged: "damaged-journal"
        case .inconsistent: "inconsistent-journal"
        case .io: "journal-io"
        case .closed: "journal-closed"
        }
    }
}
