import Journal
import Model
import Testing

@Suite struct VersionStateTests {
    /// Replay's whole transition table: states only move up `pending < failed < changed < absent
    /// < done`, a later failure replaces the code, and retryable answers change nothing.
    @Test func transitionsOnlyMoveUp() {
        let outcomes: [VersionOutcome] = [.done(revision: "r"), .absent, .changed(code: "MISMATCHED_STATUS", message: ""),
                                          .failed(code: "NOT_ALLOWED", message: ""), .retryable(code: "SKIPPED", message: "")]
        var table: [String] = []
        for state in VersionState.allCases {
            table.append(outcomes.map { state.next(after: $0).map(\.description) ?? "-" }.joined(separator: " "))
        }
        #expect(table == [
            "deleted absent changed failed -",  // pending
            "deleted absent changed failed -",  // failed: a later attempt finds it gone or changed, or fails it again
            "deleted absent - - -",             // changed: found gone or done by a later answer
            "deleted - - - -",                  // absent: only an answer that said done moves it
            "- - - - -",                        // done is final
        ])
    }

    @Test func onlyPendingNeedsMoreRequests() {
        #expect(VersionState.allCases.filter { !$0.isFinal } == [.pending])
        #expect(VersionState.done.name(for: .delete) == "deleted")
    }
}
