import ArgumentParser
import CodeArtifact
import Dispatch
import Execution
import Foundation
import Journal
import Plan
import Report
import SigV4
import JSONLines
import Model

/// Runs a plan file: the shared body of `apply` and `run`.
struct PlanRun {
    var planPath: String
    var aws: AWSOptions
    var flags: ExecutionFlags
    var output: OutputFormat

    /// Runs the plan without holding it: its header and seal first, every request checked once
    /// against the service's rules before anything is sent, then the journal's pending work fed
    /// to the executor a stretch of whole packages at a time.
    func execute() async throws {
        let configuration: ClientConfiguration
        do { configuration = try aws.resolve() } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let sealed = try refusingBadInput { try PlanFile.readSealedHeader(planPath) }
        try checkManifestsUnchanged(sealed.header)
        if flags.dryRun { return try dryRun(configuration) }
        // Checks every request (ids, sizes, field rules) before a journal exists or anything is sent.
        _ = try refusingBadInput { try PlanFile.forEachRequest(planPath, header: { _ in }) { _ in } }

        let recorder = JournalRecorder()
        let opened = try refusingBadInput {
            try JournalWriter.openForAppending(path: JournalFile.path(forPlan: planPath), planSHA256: sealed.sha256,
                                               cabatchVersion: CabatchVersion.current, time: Timestamp(date: Date()),
                                               onDurable: recorder.durabilityHandler)
        }
        // Indexed after the torn tail (if any) was cut; the run appends behind it.
        let source: PlanJournal, before: PlanJournal.Tally
        do {
            source = try PlanJournal.load(planPath)
            before = try source.tally()
        } catch {
            try? opened.writer.close()
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        let pendingVersions = before.states.pending
        if pendingVersions == 0 {
            try? opened.writer.close()
            Terminal.err("Nothing to do: every planned version is already in a final state.")
            var verification = Verification.notRequested
            if flags.verify {
                let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch/\(CabatchVersion.current)",
                                                concurrency: flags.concurrency)
                verification = await verify(client: client)
                try? await client.shutdown()
            }
            try finish(reason: nil, result: nil, before: before.statistics, verification: verification)
            return
        }
        if !opened.created {
            let t = before.states
            Terminal.err("Resuming \(JournalFile.path(forPlan: planPath)): \(t.done.grouped) deleted, \(t.absent.grouped) absent, \(t.failed.grouped) failed, \(pendingVersions.grouped) pending.")
        }
        guard try confirm(sealed.header, pendingVersions: pendingVersions, requests: before.pendingRequests, configuration: configuration) else {
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

        recorder.attach(opened.writer)
        try recorder.recordRunStart(RunStart(time: Timestamp(date: Date()), endpoint: configuration.endpoint.description,
                                             region: configuration.region, concurrency: flags.concurrency,
                                             cabatchVersion: CabatchVersion.current))

        let feed = StretchFeed<WorkItem> { emit in
            try source.forEachStretch { replay in
                try emit(replay.pendingRequests().map { request in
                    WorkItem(key: request.key, segments: [WorkItem.Segment(requestID: request.id, versions: request.versions)],
                             priorAttempts: replay.nextAttempt(request: request.id) - 1)
                })
            }
        }
        let executor = Executor(feed: feed, totalVersions: pendingVersions, transport: ClientTransport(client: client),
                                recorder: recorder, options: flags.options)
        let progress = ProgressLine(mode: flags.progress)
        let signals = InterruptHandler(resumeCommand: resumeCommand()) { executor.interrupt() }
        let result = await executor.run(progressInterval: progress.interval) { progress.update($0) }
        signals.cancel()
        progress.finish()
        if let error = result.recorderError { Terminal.err("error: the journal could not be closed: \(error)") }
        var verification = Verification.notRequested
        if flags.verify, result.reason == .completed { verification = await verify(client: client) }
        try? await client.shutdown()
        try finish(reason: result.reason, result: result, before: before.statistics, verification: verification)
    }

    /// `body`'s value, or its error printed as one line and exit status 1.
    private func refusingBadInput<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
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

    private func confirm(_ header: PlanHeader, pendingVersions: Int, requests: Int, configuration: ClientConfiguration) throws -> Bool {
        var lines = ["About to delete \(pendingVersions.grouped) package versions in \(requests.grouped) requests",
                     "  endpoint \(configuration.endpoint) (region \(configuration.region))"]
        for r in header.totals.repositories.prefix(20) {
            let owner = r.domainOwner.map { " (\($0))" } ?? ""
            lines.append("  \(r.domain)\(owner)/\(r.repository) \(r.format.rawValue): \(r.versions.grouped) versions in \(r.packages.grouped) packages")
        }
        if header.totals.repositories.count > 20 { lines.append("  … and \(header.totals.repositories.count - 20) more repositories") }
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
            try PlanJournal.load(planPath).forEachStretch { replay in
                for request in replay.pendingRequests() {
                    let operation = DeletePackageVersions(package: request.key, versions: request.versions,
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
    private func verify(client: CodeArtifactClient) async -> Verification {
        // Per stretch of the plan: the packages and the versions the journal calls gone.
        let planPath = planPath
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
        let pacer = ReadPacer(rate: flags.readRate, policy: RetryPolicy(maxAttempts: flags.maxAttempts))
        var stillPresent: [(PackageKey, String)] = []
        var checked = 0, versions = 0
        do {
            while let batch = try await feed.next() {
                for (key, gone) in batch {
                    var page: ListPackageVersions? = ListPackageVersions(package: key, maxResults: 1000)
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
                    versions += gone.count
                }
            }
        } catch {
            Terminal.err("error: --verify could not read the plan or its journal: \(error)")
            return .incomplete
        }
        let reads = await pacer.statistics
        let cost = "\(reads.attempts.grouped) list requests, \(reads.retries.grouped) retried, \(reads.throttled.grouped) throttled"
        if stillPresent.isEmpty {
            Terminal.err("Verified: none of the \(versions.grouped) deleted or absent versions in \(checked.grouped) packages is listed any more (\(cost)).")
            return .confirmed
        }
        Terminal.err("Verify: \(stillPresent.count.grouped) versions recorded as gone are still listed (\(cost)):")
        for (key, version) in stillPresent.prefix(20) { Terminal.err("  \(key.packageName)@\(version) in \(key.domain)/\(key.repository)") }
        return .stillListed
    }

    /// Prints the summary from the journal (the truth, across runs) and sets the exit status.
    /// `before` is the journal's statistics when this run began, so that its own figures are
    /// the journal's, not a second count kept while running.
    private func finish(reason: StopReason?, result: ExecutionResult?, before: JournalStatistics,
                        verification: Verification = .notRequested) throws {
        let source: PlanJournal, data: ReportData
        do {
            source = try PlanJournal.load(planPath)
            data = try ReportData(sources: [source])
        } catch {
            Terminal.err("error: cannot read the plan and its journal for the summary: \(error)")
            throw ExitCode.invalidInput
        }
        var after = JournalStatistics()
        after.attempts = data.requests.attempts
        after.retries = data.requests.retries
        after.answers = data.requests.answers
        after.throttled = data.requests.throttled
        let summary = ApplySummary(planPath: planPath, totals: data.totals, reason: reason, result: result,
                                   thisRun: after.since(before), resume: resumeCommand())
        switch output {
        case .text: Terminal.out(summary.markdown(report: MarkdownReport.render(data)))
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
