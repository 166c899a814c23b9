import Execution
import Testing

@Suite struct StopReasonTests {
    /// Exit status 4 only for stops that say these credentials or this endpoint can do none of
    /// the work; a refusal of some repositories, a journal or a plan problem is a stop part way (3).
    @Test func onlyCredentialAndEndpointStopsRefuseEveryRequest() {
        let refusing: [StopReason] = [.refused(code: "ExpiredTokenException", message: "expired"),
                                      .endpointUnreachable(message: "no answer")]
        let partWay: [StopReason] = [.completed, .interrupted, .failureThreshold(failed: 5, answered: 10),
                                     .deniedEverywhere(message: "refused"), .journalFailed(message: "disk full"),
                                     .planUnreadable(message: "line 7")]
        #expect(refusing.allSatisfy { $0.refusesEveryRequest })
        #expect(!partWay.contains { $0.refusesEveryRequest })
    }

    @Test func errorsNameTheirCauseAndSummariesKeepStableCodes() {
        #expect(StopReason.completed.error == nil && StopReason.interrupted.code == "interrupted")
        #expect(StopReason.failureThreshold(failed: 1, answered: 2).code == "failure-threshold")
        let stops: [(StopReason, String)] = [
            (.refused(code: "InvalidSignatureException", message: "m"), "InvalidSignatureException"),
            (.deniedEverywhere(message: "m"), "AccessDeniedException"),
            (.endpointUnreachable(message: "m"), "endpoint-unreachable"),
            (.journalFailed(message: "m"), "journal"),
            (.planUnreadable(message: "m"), "plan"),
        ]
        for (stop, cause) in stops {
            #expect(stop.code == "fatal-error")
            #expect(stop.error?.cause == cause && stop.error?.message == "m")
        }
    }
}
