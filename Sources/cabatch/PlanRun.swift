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
        let job = try refusingBadInput { try ApplyJob(planPath: planPath, checkingRequests: !flags.dryRun) }
        if flags.dryRun { return try dryRun(job, configuration) }

        let recorder = JournalRecorder()
        let opened = try refusingBadInput { try job.openJournal(recorder: recorder, version: CabatchVersion.current) }
        let before = opened.before
        let pendingVersions = before.states.pending
        if pendingVersions == 0 {
            try? opened.writer.close()
            Terminal.err("Nothing to do: every planned version is already in a final state.")
            var verification: ApplyJob.Verification?
            if flags.verify {
                let client = CodeArtifactClient(configuration: configuration, userAgent: "cabatch/\(CabatchVersion.current)",
                                                concurrency: flags.concurrency)
                verification = await verify(job, client: client)
                try? await client.shutdown()
            }
            try finish(reason: nil, result: nil, before: before.statistics, verification: verification)
            return
        }
        if !opened.created {
            let t = before.states
            Terminal.err("Resuming \(JournalFile.path(forPlan: planPath)): \(t.done.grouped) \(job.header.operation.doneName), \(t.absent.grouped) absent, "
                         + (t.changed > 0 ? "\(t.changed.grouped) changed, " : "") + "\(t.failed.grouped) failed, \(pendingVersions.grouped) pending.")
        }
        guard try confirm(job.header, pendingVersions: pendingVersions, requests: before.pendingRequests, configuration: configuration) else {
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

        let progress = ProgressLine(mode: flags.progress)
        var signals: InterruptHandler?
        let runStart = RunStart(time: Timestamp(date: Date()), endpoint: configuration.endpoint.description,
                                region: configuration.region, concurrency: flags.concurrency,
                                cabatchVersion: CabatchVersion.current)
        let result = try await job.run(opened, client: client, recorder: recorder, runStart: runStart, options: flags.options(job.header.operation),
                                       progressInterval: progress.interval, onProgress: { progress.update($0) }) { executor in
            signals = InterruptHandler(resumeCommand: resumeCommand()) { executor.interrupt() }
        }
        signals?.cancel()
        progress.finish()
        if let error = result.recorderError { Terminal.err("error: the journal could not be closed: \(error)") }
        var verification: ApplyJob.Verification?
        if flags.verify, result.reason == .completed { verification = await verify(job, client: client) }
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

    private func confirm(_ header: PlanHeader, pendingVersions: Int, requests: Int, configuration: ClientConfiguration) throws -> Bool {
        let operation = header.operation
        let call = operation == .delete ? operation.apiName : "\(operation.apiName) to \(operation.targetStatus.rawValue)"
        var lines = ["About to \(operation.rawValue) \(pendingVersions.grouped) versions in \(requests.grouped) requests (\(call))."
                        + (operation.isIrreversible ? " This cannot be undone." : ""),
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
        Terminal.err(lines.joined(separator: "\n"), always: true)
        FileHandle.standardError.write(Data("Proceed? Type yes to \(operation.rawValue): ".utf8))
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
    }

    /// Prints every request a run would send now (the journal's pending versions), streaming
    /// the plan a stretch of whole packages at a time; sends nothing.
    private func dryRun(_ job: ApplyJob, _ configuration: ClientConfiguration) throws {
        // Placeholder keys: a dry run must not need, fetch or show real credentials.
        let credentials = Credentials(accessKeyID: "AKIDDRYRUN", secretAccessKey: "dry-run")
        var requests = 0, versions = 0
        let options = flags.options(job.header.operation)
        do {
            try job.forEachPendingRequest { request in
                let call = WorkItem(request, priorAttempts: 0).call(job.header.operation,
                                                                     defaultExpectedStatus: options.expectedStatus)
                let preview = try RequestPreview.of(call.apiCall, endpoint: configuration.endpoint, region: configuration.region,
                                                    credentials: credentials, userAgent: "cabatch/\(CabatchVersion.current)")
                Terminal.out("# request \(request.id): \(request.versions.count) versions of \(request.key)\n\(preview)\n")
                requests += 1
                versions += request.versions.count
            }
        } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.invalidInput
        }
        Terminal.err("Dry run: \(requests.grouped) requests, \(versions.grouped) versions would be sent to \(configuration.endpoint); nothing was sent.")
    }

    /// Runs `--verify` and prints what it found.
    private func verify(_ job: ApplyJob, client: CodeArtifactClient) async -> ApplyJob.Verification {
        let result = await job.verify(client: client, readRate: flags.readRate, policy: RetryPolicy(maxAttempts: flags.maxAttempts))
        let cost = "\(result.reads.attempts.grouped) list requests, \(result.reads.retries.grouped) retried, \(result.reads.throttled.grouped) throttled"
        let operation = job.header.operation
        switch result.finding {
        case .confirmed:
            let what = operation == .delete
                ? "none of the \(result.versions.grouped) deleted or absent versions in \(result.packages.grouped) packages is listed any more"
                : "every one of the \(result.versions.grouped) \(operation.doneName) or absent versions in \(result.packages.grouped) packages is listed as recorded"
            Terminal.err("Verified: \(what) (\(cost)).")
        case .mismatched:
            Terminal.err("Verify: \(result.mismatchCount.grouped) versions are not as the journal records them (\(cost)):")
            for m in result.mismatches { Terminal.err("  \(m.key.packageName)@\(m.version) in \(m.key.domain)/\(m.key.repository): \(m.found)") }
        case .incomplete(let reason):
            Terminal.err("error: \(reason). Nothing is known about the versions not yet verified; run cabatch apply \(planPath) --verify again to verify.")
        }
        return result
    }

    /// Prints the summary from the journal (the truth, across runs) and sets the exit status.
    /// `before` is the journal's statistics when this run began, so that its own figures are
    /// the journal's, not a second count kept while running. The summary and `--report` share
    /// one replay of the finished journal.
    private func finish(reason: StopReason?, result: ExecutionResult?, before: JournalStatistics,
                        verification: ApplyJob.Verification?) throws {
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
        let summary = ApplySummary(planPath: planPath, operation: source.planHeader.operation, totals: data.totals, reason: reason, result: result,
                                   thisRun: after.since(before), resume: resumeCommand())
        switch output {
        case .text: Terminal.summary(summary.markdown(report: MarkdownReport.render(data)))
        case .json: Terminal.out(String(decoding: summary.json().bytes, as: UTF8.self))
        }
        if let path = flags.report {
            do {
                try ReportWriting.write([source], data: data, format: ReportWriting.format(forPath: path), to: path)
                Terminal.err("Report written to \(path).")
            } catch {
                Terminal.err("error: cannot write the report: \(error)")
            }
        }
        if summary.exitCode == .success, let verification {
            switch verification.finding {
            // Versions recorded as gone but still listed: the run did not do what it says.
            case .mismatched: throw ExitCode.someFailed
            // Nothing failed, but the check the user asked for is not done: resumable, not failed.
            case .incomplete: throw ExitCode.stoppedEarly
            case .confirmed: break
            }
        }
        throw summary.exitCode
    }

    private func resumeCommand() -> String {
        ResumeCommand(planPath: planPath, aws: aws, flags: flags, output: output).text
    }
}
