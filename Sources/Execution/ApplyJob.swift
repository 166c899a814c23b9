import CodeArtifact
import Foundation
import JSONLines
import Journal
import Model
import Plan

/// One `apply` of a sealed plan, as steps the command line calls and prints between: check the
/// plan, open its journal, send what is pending, verify. The plan and its journal are checked
/// against each other once, when the journal is opened; the work is the journal's replay.
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
    public func forEachPendingRequest(_ body: (DeleteRequest) throws -> Void) throws {
        try PlanJournal.load(planPath).forEachStretch { replay in
            for request in replay.pendingRequests() { try body(request) }
        }
    }

    /// The journal, opened for this run, and what it held when the run began.
    public struct Opened: Sendable {
        public let writer: JournalWriter
        /// A new journal, rather than one a run began before.
        public let created: Bool
        public let journal: PlanJournal
        public let before: PlanJournal.Tally
    }

    /// Opens (or creates) the plan's journal, which must name this plan, and tallies it.
    public func openJournal(recorder: JournalRecorder, version: String, now: Date = Date()) throws -> Opened {
        let opened: (writer: JournalWriter, created: Bool)
        do {
            opened = try JournalWriter.openForAppending(path: JournalFile.path(forPlan: planPath), planSHA256: planSHA256,
                                                        cabatchVersion: version, time: Timestamp(date: now),
                                                        onDurable: recorder.durabilityHandler)
        } catch { throw Refusal(description: "\(error)") }
        do {
            // Indexed after the torn tail (if any) was cut; the run appends behind it.
            let journal = try PlanJournal.load(planPath)
            return Opened(writer: opened.writer, created: opened.created, journal: journal, before: try journal.tally())
        } catch {
            try? opened.writer.close()
            throw Refusal(description: "\(error)")
        }
    }

    /// Sends the journal's pending work through an executor, recording every answer; the
    /// executor is handed to `started` before the run begins (Ctrl-C interrupts it).
    public func run(_ opened: Opened, client: CodeArtifactClient, recorder: JournalRecorder, runStart: RunStart,
                    options: ExecutionOptions, progressInterval: Double,
                    onProgress: (@Sendable (ExecutionProgress) -> Void)?,
                    started: (Executor) -> Void) async throws -> ExecutionResult {
        recorder.attach(opened.writer)
        try recorder.recordRunStart(runStart)
        let journal = opened.journal
        let feed = StretchFeed<WorkItem> { emit in
            try journal.forEachStretch { replay in
                try emit(replay.pendingRequests().map { request in
                    WorkItem(key: request.key, segments: [WorkItem.Segment(requestID: request.id, versions: request.versions)],
                             priorAttempts: replay.nextAttempt(request: request.id) - 1)
                })
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
            /// None of the versions the journal calls gone is listed.
            case confirmed
            /// Versions the journal calls gone that are still listed: the run did not do what it says.
            case stillListed
            /// The listings could not be finished, even with retries: nothing is known either way.
            case incomplete(reason: String)
        }

        public var finding: Finding
        public var packages = 0
        public var versions = 0
        /// The first versions still listed, at most `limit` of them.
        public var stillListed: [(key: PackageKey, version: String)] = []
        public var stillListedCount = 0
        public var reads = ReadPacer.Statistics()
    }

    /// Lists every package the journal says it emptied of planned versions, through a read
    /// pacer (its own rate, the write path's retries), and reports any such version still listed.
    public func verify(client: CodeArtifactClient, readRate: Double, policy: RetryPolicy, limit: Int = 20) async -> Verification {
        let planPath = planPath
        // Per stretch of the plan: the packages and the versions the journal calls gone.
        let feed = StretchFeed<(key: PackageKey, gone: Set<String>)> { emit in
            try PlanJournal.load(planPath).forEachStretch { replay in
                var gone: [PackageKey: Set<String>] = [:]
                replay.forEachVersion { entry in
                    if entry.state == .done || entry.state == .absent { gone[entry.request.key, default: []].insert(entry.version) }
                }
                try emit(gone.sorted { $0.key < $1.key }.map { (key: $0.key, gone: $0.value) })
            }
        }
        defer { feed.cancel() }
        let pacer = ReadPacer(rate: readRate, policy: policy)
        var result = Verification(finding: .confirmed)
        do {
            while let batch = try await feed.next() {
                for (key, gone) in batch {
                    var page: ListPackageVersions? = ListPackageVersions(package: key, maxResults: 1000)
                    do {
                        while let request = page {
                            let output = try await pacer.perform { try await client.send(request) }
                            for summary in output.versions where gone.contains(summary.version) && summary.knownStatus != .deleted {
                                result.stillListedCount += 1
                                if result.stillListed.count < limit { result.stillListed.append((key, summary.version)) }
                            }
                            page = request.next(after: output)
                        }
                    } catch let error as ServiceError where error.type == .resourceNotFound {
                        // The package itself is gone: so are its versions.
                    } catch {
                        result.finding = .incomplete(reason: "--verify could not list \(key.packageName) in \(key.domain)/\(key.repository) after retries: \(error)")
                        result.reads = await pacer.statistics
                        return result
                    }
                    result.packages += 1
                    result.versions += gone.count
                }
            }
        } catch {
            result.finding = .incomplete(reason: "--verify could not read the plan or its journal: \(error)")
        }
        result.reads = await pacer.statistics
        if result.finding == .confirmed && result.stillListedCount > 0 { result.finding = .stillListed }
        return result
    }
}
