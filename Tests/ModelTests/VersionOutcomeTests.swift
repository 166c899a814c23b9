import Model
import Testing

/// Pins which per-version outcomes are final and which need another request.
@Suite struct VersionOutcomeTests {
    @Test func onlyRetryableOutcomesNeedAnotherRequest() {
        #expect(VersionOutcome.done(revision: nil).isFinal)
        #expect(VersionOutcome.absent.isFinal)
        #expect(VersionOutcome.failed(code: "MISMATCHED_STATUS", message: "").isFinal)
        #expect(!VersionOutcome.retryable(code: "SKIPPED", message: "").isFinal)
    }
}
