import Foundation

/// Where the executor records attempts and answers: the journal in a real run.
///
/// Called from the executor's one serial queue, so implementations need no ordering of their own.
public protocol AttemptRecorder: Sendable {
    /// Before an attempt is sent; returns the attempt's number in the record (which counts
    /// attempts across runs), to be handed back with its answer.
    func recordIntent(_ item: WorkItem, at time: Date) -> Int
    /// An attempt's answer; `durable` runs once the answer is on disk (it only then counts as progress).
    func recordAnswer(_ item: WorkItem, attempt: Int, answer: AttemptOutcome, at time: Date, latency: Double,
                      durable: @escaping @Sendable () -> Void)
    /// Set once recording failed (disk full, I/O error): the run must stop, since nothing
    /// more it does would be remembered.
    var recordingFailure: String? { get }
    /// The run is over: sync and close. Every `durable` callback has run when this returns.
    func finish(_ reason: StopReason, at time: Date) throws
}
