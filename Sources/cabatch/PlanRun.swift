import ArgumentParser
import CodeArtifact
import Dispatch
import Execution
import Foundation
import Journal
import Manifest
import Plan
import Report
import SigV4

/// Runs a plan file: the shared body of `apply` and `run`.
struct PlanRun {
    var planPath: String
    var aws: AWSOptions
    var flags: ExecutionFlags
    var output: OutputFormat

    func execute() async throws {
        let configuration: ClientConfiguration
        do { configuration = try aws.resolve() } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        if flags.dryRun {
            // The header (and the seal) only: the requests stream.
            do { try checkManifestsUnchanged(try PlanFile.readSealedHeader(planPath).header) } catch let error as ExitCode {
                throw error
            } catch {
                Terminal.err("error: \(error)")
                throw ExitCode.invalidInput
            }
            return try dryRun(configuration)
        }
        let plan: PlanFile.Contents
        do { plan = try PlanFile.read(planPath) } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        try checkManifestsUnchanged(plan.header)

        let recorder = JournalRecorder()
        let opened: JournalWriter.Opened
        do {
            opened = try JournalWriter.open(forPlan: planPath, plan: plan, cabatchVersion: CabatchVersion.current,
                                            time: Timestamp(date: Date()), onDurable: recorder.durabilityHandler)
        } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let replay = opened.replay
        let pending = replay.pendingRequests()
        let pendingVersions = pending.reduce(0) { $0 + $1.versions.count }
        if pending.isEmpty {
            try? opened.writer.close()
            Terminal.err("Nothing to do: every planned version is already in a final state.")
            var verification = Verification.notRequested
            if flags.verify {
                let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch/\(CabatchVersion.current)",
                                                concurrency: flags.concurrency)
                verification = await verify(plan: plan, client: client)
                try? await client.shutdown()
            }
            try finish(plan: plan, reason: nil, result: nil, before: replay.statistics, verification: verification)
            return
        }
        if !opened.created {
            Terminal.err("Resuming \(JournalFile.path(forPlan: planPath)): \(replay.totals.deleted.grouped) deleted, \(replay.totals.absent.grouped) absent, \(replay.totals.failed.grouped) failed, \(pendingVersions.grouped) pending.")
        }
        guard try confirm(plan, pendingVersions: pendingVersions, requests: pending.count, configuration: configuration) else {
            try? opened.writer.close()
            Terminal.err("Nothing was sent.")
            throw ExitCode.invalidInput
        }

        let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch/\(CabatchVersion.current)",
                                        concurrency: flags.concurrency)
        do { _ = try await client.credentials() } catch {
            try? opened.writer.close()
            try? await client.shutdown()
            Terminal.err("error: \(error)")
            throw ExitCode.cannotConnect
        }

        let attempts = ReplayAttempts(replay)
        recorder.attach(opened.writer) { attempts.next($0) }
        try recorder.recordRunStart(RunStart(time: Timestamp(date: Date()), endpoint: configuration.endpoint.description,
                                             region: configuration.region, concurrency: flags.concurrency,
                                             cabatchVersion: CabatchVersion.current))

        let items = pending.map { WorkItem(key: $0.key, segments: [WorkItem.Segment(requestID: $0.id, versions: $0.versions)]) }
        let executor = Executor(items: items, transport: ClientTransport(client: client), recorder: recorder, options: flags.options)
        let progress = ProgressLine(mode: flags.progress)
        let signals = InterruptHandler(resumeCommand: resumeCommand()) { executor.interrupt() }
        let result = await executor.run(progressInterval: progress.interval) { progress.update($0) }
        signals.cancel()
        progress.finish()
        if let error = result.recorderError { Terminal.err("error: the journal could not be closed: \(error)") }
        var verification = Verification.notRequested
        if flags.verify, result.reason == .completed { verification = await verify(plan: plan, client: client) }
        try? await client.shutdown()
        try finish(plan: plan, reason: result.reason, result: result, before: replay.statistics, verification: verification)
    }

    // MARK: - Steps

    /// Refuses a plan whose manifests changed since it was made, when they are still at hand.
    private func checkManifestsUnchanged(_ header: PlanHeader) throws {
        for manifest in header.manifests where manifest.name != "-" && FileManager.default.fileExists(atPath: manifest.name) {
            if let digest = FileDigest.sha256(path: manifest.name), digest != manifest.sha256 {
                Terminal.err("error: \(manifest.name) changed since \(planPath) was made (sha256 \(digest.prefix(12))…, planned \(manifest.sha256.prefix(12))…); make the plan again with cabatch plan")
                throw ExitCode.invalidInput
            }
        }
    }

    private func confirm(_ plan: PlanFile.Contents, pendingVersions: Int, requests: Int, configuration: ClientConfiguration) throws -> Bool {
        var lines = ["About to delete \(pendingVersions.grouped) package versions in \(requests.grouped) requests",
                     "  endpoint \(configuration.endpoint) (region \(configuration.region))"]
        for r in plan.header.totals.repositories.prefix(20) {
            let owner = r.domainOwner.map { " (\($0))" } ?? ""
            lines.append("  \(r.domain)\(owner)/\(r.repository) \(r.format.rawValue): \(r.versions.grouped) versions in \(r.packages.grouped) packages")
        }
        if plan.header.totals.repositories.count > 20 { lines.append("  … and \(plan.header.totals.repositories.count - 20) more repositories") }
        if flags.yes { return true }
        guard Terminal.stdinIsTerminal else {
            Terminal.err(lines.joined(separator: "\n"))
            Terminal.err("error: standard input is not a terminal, so cabatch cannot ask for confirmation; add --yes to run without asking")
            return false
        }
        Terminal.err(lines.joined(separator: "\n"))
        FileHandle.standardError.write(Data("Proceed? Type yes to delete: ".utf8))
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
    }

    /// Prints every request a run would send now (the journal's pending versions), streaming
    /// the plan a stretch of whole packages at a time; sends nothing.
    private func dryRun(_ configuration: ClientConfiguration) throws {
        // Placeholder keys: a dry run must not need, fetch or show real credentials.
        let credentials = Credentials(accessKeyID: "AKIDDRYRUN", secretAccessKey: "dry-run")
        var requests = 0, versions = 0
        do {
            try ReportSource.load(planPath).forEachStretch { replay in
                for request in replay.pendingRequests() {
                    let operation = DeletePackageVersions(coordinates: request.key.coordinates, versions: request.versions,
                                                          expectedStatus: flags.options.expectedStatus)
                    let preview = try RequestPreview.of(operation, endpoint: configuration.endpoint, region: configuration.region,
                                                        credentials: credentials, userAgent: "cabatch/\(CabatchVersion.current)")
                    Terminal.out("# request \(request.id): \(request.versions.count) versions of \(request.key)\n\(preview)\n")
                    requests += 1
                    versions += request.versions.count
                }
            }
        } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        Terminal.err("Dry run: \(requests.grouped) requests, \(versions.grouped) versions would be sent to \(configuration.endpoint); nothing was sent.")
    }

    /// What `--verify` found.
    enum Verification {
        case notRequested
        case confirmed
        /// Versions the journal calls gone that are still listed: the run did not do what it says.
        case stillListed
        /// The listings could not be finished, even with retries: nothing is known either way.
        case incomplete
    }

    /// Lists every package the journal says it emptied of planned versions, through the read
    /// pacer (its own rate, the write path's retries), and reports any such version still listed.
    private func verify(plan: PlanFile.Contents, client: CodeArtifactClient) async -> Verification {
        var replay = JournalReplay(requests: plan.requests, source: JournalFile.path(forPlan: planPath))
        do {
            _ = try JournalFile.read(replay.source) { sequence, record in try replay.apply(record, sequence: sequence) }
        } catch {
            Terminal.err("error: --verify could not read the journal: \(error)")
            return .incomplete
        }
        var expectedGone: [PackageKey: Set<String>] = [:]
        replay.forEachVersion { entry in
            if entry.state == .deleted || entry.state == .absent { expectedGone[entry.request.key, default: []].insert(entry.version) }
        }
        let pacer = ReadPacer(rate: flags.readRate, policy: RetryPolicy(maxAttempts: flags.maxAttempts))
        var stillPresent: [(PackageKey, String)] = []
        var checked = 0
        for (key, gone) in expectedGone.sorted(by: { $0.key < $1.key }) {
            var page: ListPackageVersions? = ListPackageVersions(coordinates: key.coordinates, maxResults: 1000)
            do {
                while let request = page {
                    let output = try await pacer.perform { try await client.send(request) }
                    for summary in output.versions where gone.contains(summary.version) && summary.status != "Deleted" {
                        stillPresent.append((key, summary.version))
                    }
                    page = request.next(after: output)
                }
            } catch let error as ServiceError where error.type == .resourceNotFound {
                // The package itself is gone: so are its versions.
            } catch {
                Terminal.err("error: --verify could not list \(key.packageName) in \(key.domain)/\(key.repository) after retries: \(error). "
                             + "Nothing is known about the versions not yet verified; run cabatch apply \(planPath) --verify again to verify.")
                return .incomplete
            }
            checked += 1
        }
        let reads = await pacer.statistics
        let cost = "\(reads.attempts.grouped) list requests, \(reads.retries.grouped) retried, \(reads.throttled.grouped) throttled"
        if stillPresent.isEmpty {
            Terminal.err("Verified: none of the \(expectedGone.values.reduce(0) { $0 + $1.count }.grouped) deleted or absent versions in \(checked.grouped) packages is listed any more (\(cost)).")
            return .confirmed
        }
        Terminal.err("Verify: \(stillPresent.count.grouped) versions recorded as gone are still listed (\(cost)):")
        for (key, version) in stillPresent.prefix(20) { Terminal.err("  \(key.packageName)@\(version) in \(key.domain)/\(key.repository)") }
        return .stillListed
    }

    /// Prints the summary from the journal (the truth, across runs) and sets the exit status.
    /// `before` is the journal's statistics when this run began, so that its own figures are
    /// the journal's, not a second count kept while running.
    private func finish(plan: PlanFile.Contents, reason: StopReason?, result: ExecutionResult?, before: JournalStatistics,
                        verification: Verification = .notRequested) throws {
        var replay = JournalReplay(requests: plan.requests, source: JournalFile.path(forPlan: planPath))
        let read = try JournalFile.read(replay.source) { sequence, record in try replay.apply(record, sequence: sequence) }
        let summary = ApplySummary(planPath: planPath, replay: replay, reason: reason, result: result,
                                   thisRun: replay.statistics.since(before), resume: resumeCommand())
        // The plan is in memory and the journal was just replayed: reports reuse both.
        let name = URL(fileURLWithPath: planPath).lastPathComponent
        let source = ReportSource(planName: name, planHeader: plan.header, planSHA256: plan.sha256, replay: replay,
                                  journalName: name + ".journal", tornLine: read.tornLine)
        switch output {
        case .text:
            let report = (try? ReportData(sources: [source])).map { MarkdownReport.render($0) } ?? ""
            Terminal.out(summary.markdown(report: report))
        case .json: Terminal.out(String(decoding: summary.json().bytes, as: UTF8.self))
        }
        if let path = flags.report {
            do {
                try ReportWriting.write([source], format: ReportWriting.format(forPath: path), to: path)
                Terminal.err("Report written to \(path).")
            } catch {
                Terminal.err("error: cannot write the report: \(error)")
            }
        }
        if summary.exitCode == .success {
            switch verification {
            // Versions recorded as gone but still listed: the run did not do what it says.
            case .stillListed: throw ExitCode.someFailed
            // Nothing failed, but the check the user asked for is not done: resumable, not failed.
            case .incomplete: throw ExitCode.stoppedEarly
            case .notRequested, .confirmed: break
            }
        }
        throw summary.exitCode
    }

    private func resumeCommand() -> String {
        ResumeCommand(planPath: planPath, aws: aws, flags: flags, output: output).text
    }
}

/// Attempt numbers already used per request, from the replay, readable from any thread.
private final class ReplayAttempts: Sendable {
    private let replay: JournalReplay
    init(_ replay: JournalReplay) { self.replay = replay }
    func next(_ id: Int) -> Int { replay.nextAttempt(request: id) }
}
