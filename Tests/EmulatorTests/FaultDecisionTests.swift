@testable import Emulator
import Testing

/// Pins `FaultDecision.logName`: the request log's name for each fault, a refusal named over a
/// lost answer, and none when nothing was injected.
@Suite struct FaultDecisionTests {
    @Test(arguments: [
        (FaultDecision.Refusal?.none, FaultDecision.LostResponse?.none, String?.none),
        (.reset, nil, "reset"),
        (.throttled(retryAfterSeconds: 3), nil, "throttle"),
        (.serverError, nil, "error"),
        (nil, .serverError, "lost-500"),
        (nil, .dropConnection, "lost-drop"),
        (.reset, .dropConnection, "reset"),
        (.throttled(retryAfterSeconds: 1), .serverError, "throttle"),
    ])
    func logNames(refusal: FaultDecision.Refusal?, lost: FaultDecision.LostResponse?, name: String?) {
        let decision = FaultDecision(sequence: 1, refusal: refusal, lostResponse: lost)
        #expect(decision.logName == name)
    }

    @Test func skipsAndLatencyAloneAreNotNamed() {
        let decision = FaultDecision(sequence: 9, skipSeed: 42, delayMilliseconds: 100)
        #expect(decision.logName == nil)
    }
}
