import Dispatch
import Foundation
import Glibc
import Plan

/// Appends records to a plan's journal and tells when they are durable.
///
/// Each record is one `write` on an `O_APPEND` descriptor. Durability is a group commit: a
/// background queue runs `fdatasync` whenever records were written since the last one, so one
/// sync covers every record that arrived while the previous sync ran and syncing never caps the
/// rate of appends. An answer counts as progress only once `durableSequence` reaches it.
/// An exclusive `flock` keeps a second `apply` of the same plan out for the writer's lifetime.
public final class JournalWriter: @unchecked Sendable {
    /// Told, in order, each time a sync makes every record up to a sequence number durable,
    /// or once that the journal failed (no further calls follow a failure).
    public typealias DurabilityHandler = @Sendable (Result<UInt64, JournalError>) -> Void

    public let path: String
    private let descriptor: Int32
    private let onDurable: DurabilityHandler?
    private let syncQueue = DispatchQueue(label: "cabatch.journal.sync")
    /// Syncs start at most this often (nanoseconds): on a fast disk a sync per answer would
    /// cost more CPU than the answer itself, and 5 ms gathers a few dozen answers at full speed.
    private static let minimumSyncInterval: UInt64 = 5_000_000
    /// When the last sync started; touched only on `syncQueue`.
    private var lastSyncStart: UInt64 = 0

    // Guarded by `lock`.
    private let lock = NSLock()
    private var nextSequence: UInt64
    private var written: UInt64
    private var durable: UInt64
    private var syncing = false
    private var closed = false
    private var failure: JournalError?
    private var waiters: [(sequence: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []

    init(path: String, descriptor: Int32, lastSequence: UInt64, onDurable: DurabilityHandler?) {
        self.path = path
        self.descriptor = descriptor
        self.onDurable = onDurable
        nextSequence = lastSequence + 1
        written = lastSequence
        durable = lastSequence
    }

    deinit {
        if !closed { Glibc.close(descriptor) }
    }

    /// The sequence number of the last record written (not necessarily durable).
    public var lastSequence: UInt64 { lock.withLock { written } }

    /// Every record up to this sequence number has been synced to disk.
    public var durableSequence: UInt64 { lock.withLock { durable } }

    /// Writes a record and returns its sequence number; it is durable once `durableSequence`
    /// reaches that number (see `waitDurable` and the durability handler).
    ///
    /// Safe from any thread; records are numbered in the order their writes happen.
    @discardableResult
    public func append(_ record: JournalRecord) throws(JournalError) -> UInt64 {
        let scheduleSync: Bool
        let sequence: UInt64
        lock.lock()
        do {
            defer { lock.unlock() }
            if let failure { throw JournalError.closed(file: path, reason: failure.description) }
            guard !closed else { throw JournalError.closed(file: path, reason: "close() was called") }
            sequence = nextSequence
            var line = JournalCodec.encode(record, sequence: sequence)
            line.append(0x0A)
            if let error = writeAll(line) {
                failure = error
                throw error
            }
            nextSequence += 1
            written = sequence
            scheduleSync = !syncing
            syncing = true
        }
        if scheduleSync { syncQueue.async { self.syncUntilCaughtUp() } }
        return sequence
    }

    /// Returns once every record up to `sequence` is durable; throws if the journal failed first.
    public func waitDurable(_ sequence: UInt64) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            lock.lock()
            if let failure {
                lock.unlock()
                continuation.resume(throwing: failure)
            } else if durable >= sequence || (closed && !syncing) {
                lock.unlock()
                continuation.resume()
            } else {
                waiters.append((sequence, continuation))
                lock.unlock()
            }
        }
    }

    /// Syncs what was written, releases the lock and closes the file; later appends throw.
    public func close() throws(JournalError) {
        lock.lock()
        let wasClosed = closed
        closed = true
        lock.unlock()
        guard !wasClosed else { return }
        syncQueue.sync { syncUntilCaughtUp() }
        Glibc.close(descriptor)
        let (failure, left) = lock.withLock { () -> (JournalError?, [CheckedContinuation<Void, any Error>]) in
            let left = waiters.map(\.continuation)
            waiters.removeAll()
            return (self.failure, left)
        }
        for continuation in left {
            if let failure { continuation.resume(throwing: failure) } else { continuation.resume() }
        }
        if let failure { throw failure }
    }

    /// Runs on `syncQueue`: one `fdatasync` per round, covering everything written before it began.
    private func syncUntilCaughtUp() {
        while true {
            let sinceLast = DispatchTime.now().uptimeNanoseconds &- lastSyncStart
            if sinceLast < Self.minimumSyncInterval {
                usleep(useconds_t((Self.minimumSyncInterval - sinceLast) / 1_000))
            }
            lock.lock()
            let target = written
            if target <= durable || failure != nil {
                syncing = false
                lock.unlock()
                return
            }
            lock.unlock()
            lastSyncStart = DispatchTime.now().uptimeNanoseconds
            var rc: Int32
            repeat { rc = fdatasync(descriptor) } while rc != 0 && errno == EINTR
            let error: JournalError? = rc == 0 ? nil : Self.ioError(path, "fdatasync")
            lock.lock()
            var ready: [CheckedContinuation<Void, any Error>] = []
            if let error {
                failure = error
                syncing = false
                ready = waiters.map(\.continuation)
                waiters.removeAll()
            } else {
                durable = target
                waiters.removeAll { waiter in
                    guard waiter.sequence <= target else { return false }
                    ready.append(waiter.continuation)
                    return true
                }
            }
            lock.unlock()
            if let error {
                for continuation in ready { continuation.resume(throwing: error) }
                onDurable?(.failure(error))
                return
            }
            for continuation in ready { continuation.resume() }
            onDurable?(.success(target))
        }
    }

    private func writeAll(_ bytes: [UInt8]) -> JournalError? {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return Self.ioError(path, "write")
                }
                offset += n
            }
            return nil
        }
    }

    static func ioError(_ path: String, _ operation: String) -> JournalError {
        .io(file: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
