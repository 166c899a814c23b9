import CodeArtifact
import Foundation
import JSONLines
import Journal
import Model
import Plan

/// One `apply` of a sealed plan, as steps the command line calls and prints between: check the
/// plan, open its journal, send what is pending, verify. The plan and its journal are checked
/// against each other, and replayed, once, when the journal is opened: that replay gives the
/// counts the confirmation shows and the pending work, and the run then streams the plan alone.
public final class ApplyJob: Sendable {
    public let planPath: String
    public let header: PlanHeader
    /// The plan file's digest, which its journal names.
    public let planSHA256: String

    /// Why a plan cannot be applied: bad input, nothing sent (exit status 1).
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the plan's sealed header and refuses a plan whose manifests changed since it was
    /// made (when they are still at hand); with `checkingRequests`, also every request against
    /// the service's rules, in one streamed pass, before a journal exists or anything is sent.
    public init(planPath: String, checkingRequests: Bool) throws {
        let sealed: (header: PlanHeader, sha256: String)
        do { sealed = try PlanFile.readSealedHeader(planPath) } catch { throw Refusal(description: "\(error)") }
        for manifest in sealed.header.manifests where manifest.name != "-" && FileManager.default.fileExists(atPath: manifest.name) {
            if let digest = FileDigest.sha256(path: manifest.name), digest != manifest.sha256 {
                throw Refusal(description: "\(manifest.name) changed since \(planPath) was made (sha256 \(digest.prefix(12))…, planned \(manifest.sha256.prefix(12))…); make the plan again with cabatch plan")
            }
        }
        if checkingRequests {
            do { try PlanFile.forEachRequest(planPath, header: { _ in }) { _ in } } catch { throw Refusal(description: "\(error)") }
        }
        self.planPath = planPath
        header = sealed.header
        planSHA256 = sealed.sha256
    }

    /// Calls `body` with every request a run would send now (the journal's pending versions), a
    /// stretch of whole packages at a time.
    public func forEachPendingRequest(_ body: (BatchRequest) throws -> Void) throws {
        try PlanJournal.load(planPath).forEachStretch { replay in
            for request in replay.pendingRequests() { try body(request) }
        }
    }

    /// The journal, opened for this run, and what it held when the run began.
    public struct Opened: Sendable {
        public let writer: JournalWriter
        /// A new journal, rather than one a run began before.
        public let created: Bool
        public let before: PlanJournal.Tally
        /// What the run has to send, from the same replay as `before`.
        public let pending: PendingWork
    }

    /// Opens (or creates) the plan's journal, which must name this plan, and replays the plan
    /// against it once: the tally and the pending work.
    public func openJournal(recorder: JournalRecorder, version: String, now: Date = Date()) throws -> Opened {
        let opened: (writer: JournalWriter, created: Bool)
        do {
            opened = try JournalWriter.openForAppending(path: JournalFile.path(forPlan: planPath), planSHA256: planSHA256,
                                                        cabatchVersion: version, time: Timestamp(date: now),
                                                        onDurable: recorder.durabilityHandler)
        } catch { throw Refusal(description: "\(error)") }
        do {
            // Indexed after the torn tail (if any) was cut; the run appends behind it.
            let (before, pending) = try PlanJournal.load(planPath).tallyAndPendingWork()
            return Opened(writer: opened.writer, created: opened.created, before: before, pending: pending)
        } catch {
            try? opened.writer.close()
            throw Refusal(description: "\(error)")
        }
    }

    /// Sends the pending work through an executor, recording every answer; the executor is
    /// handed to `started` before the run begins (Ctrl-C interrupts it). The work is made from
    /// the plan file, streamed a stretch of whole packages at a time, and the pending work the
    /// journal's replay left: the run reads no journal record.
    public func run(_ opened: Opened, client: CodeArtifactClient, recorder: JournalRecorder, runStart: RunStart,
                    options: ExecutionOptions, progressInterval: Double,
                    onProgress: (@Sendable (ExecutionProgress) -> Void)?,
                    started: (Executor) -> Void) async throws -> ExecutionResult {
        recorder.attach(opened.writer)
        try recorder.recordRunStart(runStart)
        let (planPath, planSHA256, pending) = (self.planPath, self.planSHA256, opened.pending)
        let feed = StretchFeed<WorkItem> { emit in
            let sha256 = try PlanFile.forEachStretch(planPath) { stretch in
                try emit(pending.pendingRequests(in: stretch).map { request in
                    WorkItem(request, priorAttempts: pending.nextAttempt(request: request.id) - 1)
                })
            }
            guard sha256 == planSHA256 else {
                throw Refusal(description: "\(planPath) changed while it was being applied (sha256 \(sha256.prefix(12))…, opened as \(planSHA256.prefix(12))…)")
            }
        }
        let executor = Executor(feed: feed, totalVersions: opened.before.states.pending, transport: ClientTransport(client: client),
                                recorder: recorder, options: options)
        started(executor)
        return await executor.run(progressInterval: progressInterval, onProgress: onProgress)
    }

    /// What `--verify` found.
    public struct Verification: Sendable {
        public enum Finding: Sendable, Equatable {
            /// Every version the journal calls done or absent is listed as that says.
            case confirmed
            /// Versions the service lists otherwise: the run did not do what it says.
            case mismatched
            /// The listings could not be finished, even with retries: nothing is known either way.
            case incomplete(reason: String)
        }

        /// One version the listing contradicts: what the journal says, and what the service lists.
        public struct Mismatch: Sendable, Equatable {
            public var key: PackageKey
            public var version: String
            /// `listed as Published`, `not listed`, …
            public var found: String
        }

        public var finding: Finding
        public var packages = 0
        public var versions = 0
        /// The first mismatches, at most `limit` of them.
        public var mismatches: [Mismatch] = []
        public var mismatchCount = 0
        public var reads = ReadPacer.Statistics()
    }

    /// Lists every package with versions the journal calls done or absent, through a read pacer
    /// (its own rate, the write path's retries), and reports each such version the listing
    /// contradicts: after a delete, none may be listed (but as Deleted); after another
    /// operation, a done version must be listed with the operation's status, and an absent one
    /// not at all.
    public func verify(client: CodeArtifactClient, readRate: Double, policy: RetryPolicy, limit: Int = 20) async -> Verification {
        let planPath = planPath
        let operation = header.operation
        // Per stretch of the plan: the packages and what the journal says of their versions.
        let feed = StretchFeed<(key: PackageKey, expected: [String: VersionState])> { emit in
            try PlanJournal.load(planPath).forEachStretch { replay in
                var expected: [PackageKey: [String: VersionState]] = [:]
                replay.forEachVersion { entry in
                    if entry.state == .done || entry.state == .absent { expected[entry.request.key, default: [:]][entry.version] = entry.state }
                }
                try emit(expected.sorted { $0.key < $1.key }.map { (key: $0.key, expected: $0.value) })
            }
        }
        defer { feed.cancel() }
        let pacer = ReadPacer(rate: readRate, policy: policy)
        var result = Verification(finding: .confirmed)
        func mismatch(_ key: PackageKey, _ version: String, _ found: String) {
            result.mismatchCount += 1
            if result.mismatches.count < limit { result.mismatches.append(.init(key: key, version: version, found: found)) }
        }
        do {
            while let batch = try await feed.next() {
                for (key, expected) in batch {
                    var listed: [String: String] = [:]
                    var page: ListPackageVersions? = ListPackageVersions(package: key, maxResults: 1000)
                    do {
                        while let request = page {
                            let output = try await pacer.perform { try await client.send(request) }
                            for summary in output.versions where expected[summary.version] != nil { listed[summary.version] = summary.status }
                            page = request.next(after: output)
                        }
                    } catch let error as ServiceError where error.type == .resourceNotFound {
                        // The package itself is gone: so are its versions.
                    } catch {
                        result.finding = .incomplete(reason: "--verify could not list \(key.packageName) in \(key.domain)/\(key.repository) after retries: \(error)")
                        result.reads = await pacer.statistics
                        return result
                    }
                    for (version, state) in expected.sorted(by: { $0.key < $1.key }) {
                        let status = listed[version]
                        let gone = status == nil || status == PackageVersionStatus.deleted.rawValue
                        if operation == .delete || state == .absent {
                            if !gone { mismatch(key, version, "listed as \(status!)") }
                        } else if status != operation.targetStatus.rawValue {
                            mismatch(key, version, status.map { "listed as \($0), not \(operation.targetStatus.rawValue)" } ?? "not listed")
                        }
                    }
                    result.packages += 1
                    result.versions += expected.count
                }
            }
        } catch {
            result.finding = .incomplete(reason: "--verify could not read the plan or its journal: \(error)")
        }
        result.reads = await pacer.statistics
        if result.finding == .confirmed && result.mismatchCount > 0 { result.finding = .mismatched }
        return result
    }
}
