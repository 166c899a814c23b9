import Glibc
import Plan
import Model

extension JournalWriter {
    /// A journal opened for appending, with what it already held.
    public struct Opened: Sendable {
        public var writer: JournalWriter
        /// The replay of the records already there: `apply` sends only `pending` work.
        public var replay: JournalReplay
        public var read: JournalFile.ReadResult
        /// The file did not exist (or held no complete record) and was started with a header.
        public var created: Bool
    }

    /// Opens the journal of `plan` (beside its file), creating it if needed, and replays it.
    public static func open(forPlan planPath: String, plan: PlanFile.Contents, cabatchVersion: String, time: Timestamp,
                            onDurable: DurabilityHandler? = nil) throws -> Opened {
        try open(path: JournalFile.path(forPlan: planPath), planSHA256: plan.sha256, requests: plan.requests,
                 cabatchVersion: cabatchVersion, time: time, onDurable: onDurable)
    }

    /// Opens or creates the journal of a list of requests (see the plan's own overload).
    public static func open(path: String, planSHA256: String, requests: [BatchRequest], cabatchVersion: String,
                            time: Timestamp, onDurable: DurabilityHandler? = nil) throws -> Opened {
        try open(path: path, planSHA256: planSHA256, requests: PlanRequests(requests), cabatchVersion: cabatchVersion,
                 time: time, onDurable: onDurable)
    }

    /// Opens or creates a journal, takes its lock and replays it.
    ///
    /// A torn last record is cut off (the file is truncated to the last intact record and
    /// synced) before anything is appended. A new journal gets a header naming `planSHA256`; it
    /// and its directory are synced before this returns, so the file survives a crash.
    public static func open(path: String, planSHA256: String, requests: PlanRequests, cabatchVersion: String,
                            time: Timestamp, onDurable: DurabilityHandler? = nil) throws -> Opened {
        var replay = JournalReplay(requests: requests, source: path)
        let (writer, read, created) = try open(path: path, planSHA256: planSHA256, cabatchVersion: cabatchVersion, time: time,
                                               onDurable: onDurable) { sequence, record in
            try replay.apply(record, sequence: sequence)
        }
        return Opened(writer: writer, replay: replay, read: read, created: created)
    }

    /// Opens or creates a journal as `open` does, checking every record and cutting a torn tail,
    /// but without replaying it against the plan: for a run that streams the plan against a
    /// `JournalIndex` made after this returns.
    public static func openForAppending(path: String, planSHA256: String, cabatchVersion: String, time: Timestamp,
                                        onDurable: DurabilityHandler? = nil) throws -> (writer: JournalWriter, created: Bool) {
        let (writer, _, created) = try open(path: path, planSHA256: planSHA256, cabatchVersion: cabatchVersion, time: time,
                                            onDurable: onDurable) { _, _ in }
        return (writer, created)
    }

    /// The one way a journal is opened: lock, read and check (each record to `onRecord`, the
    /// header written to a new journal too), cut a torn tail, start a new journal with its header.
    private static func open(path: String, planSHA256: String, cabatchVersion: String, time: Timestamp,
                             onDurable: DurabilityHandler?, onRecord: (UInt64, JournalRecord) throws -> Void)
        throws -> (writer: JournalWriter, read: JournalFile.ReadResult, created: Bool) {
        var created = true
        var fd = Glibc.open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0, errno == EEXIST {
            created = false
            fd = Glibc.open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        }
        guard fd >= 0 else { throw ioError(path, "open") }
        var handedOver = false
        defer { if !handedOver { Glibc.close(fd) } }
        // A lock is held for a second before it counts as another apply's: a process started in
        // this one between fork and exec holds a copy of every descriptor, a just-closed journal's too.
        var tries = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw ioError(path, "flock") }
            tries += 1
            guard tries < 20 else { throw JournalError.locked(file: path) }
            usleep(50_000)
        }

        var read = JournalFile.ReadResult()
        if !created {
            read = try JournalFile.read(path) { sequence, record in
                if case .header(let header) = record, header.planSHA256 != planSHA256 {
                    throw JournalError.otherPlan(file: path, journalPlan: header.planSHA256, plan: planSHA256)
                }
                try onRecord(sequence, record)
            }
            if read.validLength < read.fileLength {
                guard ftruncate(fd, off_t(read.validLength)) == 0 else { throw ioError(path, "ftruncate") }
                guard fsync(fd) == 0 else { throw ioError(path, "fsync") }
            }
        }

        let writer = JournalWriter(path: path, descriptor: fd, lastSequence: UInt64(read.records), onDurable: onDurable)
        handedOver = true
        if read.records == 0 {
            let header = JournalHeader(planSHA256: planSHA256, cabatchVersion: cabatchVersion, startTime: time)
            try writer.append(.header(header))
            try onRecord(1, .header(header))
            guard fsync(fd) == 0 else { throw ioError(path, "fsync") }
            try syncDirectory(of: path)
            created = true
        }
        return (writer, read, created)
    }

    /// Makes a new directory entry durable: fsync of the file alone does not cover its name.
    private static func syncDirectory(of path: String) throws {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(directory, "open") }
        defer { Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw ioError(directory, "fsync") }
    }
}
