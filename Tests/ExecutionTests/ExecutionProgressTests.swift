import Execution
import Testing

/// Pins `ExecutionProgress`: a fresh run counts nothing, and `settled` is the final states only.
@Suite struct ExecutionProgressTests {
    @Test func startsAtZero() {
        let progress = ExecutionProgress()
        #expect(progress.totalVersions == 0 && progress.settled == 0 && progress.requestsAnswered == 0)
        #expect(progress.elapsed == 0 && progress.currentRate == 0)
    }

    @Test func settledCountsFinalStatesAndNothingElse() {
        var progress = ExecutionProgress()
        progress.totalVersions = 100
        progress.carriedOut = 40
        progress.absent = 7
        progress.changed = 3
        progress.failed = 2
        // Not final: still pending, whatever was sent, retried or throttled.
        progress.leftPending = 11
        progress.attemptsSent = 30
        progress.retries = 5
        progress.throttled = 4
        progress.requestsAnswered = 25
        #expect(progress.settled == 52)
        var other = progress
        other.leftPending = 0
        #expect(other.settled == progress.settled)
        #expect(other != progress, "progress values compare member by member")
    }
}
