import Model
import Testing

@Suite struct VersionOutcomeTests {
    @Test func onlyRetryableOutcomesNeedAnotherRequest() {
        #expect(VersionOutcome.done(revision: nil).isFinal)
        #expect(VersionOutcome.absent.isFinal)
        #expect(VersionOutcome.failed(code: "MISMATCHED_STATUS", message: "").isFinal)
        #expect(!VersionOutcome.retryable(code: "SKIPPED", message: "").isFinal)
    }

    @Test func theDoneStateIsNamedAfterTheOperation() {
        #expect(BatchOperation.delete.doneName == "deleted")
    }
}
