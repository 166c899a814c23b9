/// The faults drawn for one request, before it is handled.
struct FaultDecision: Sendable, Hashable {
    /// What happens instead of the work.
    enum Refusal: Sendable, Hashable {
        case reset
        case throttled(retryAfterSeconds: Int)
        case serverError
    }

    /// What happens to the answer after the work.
    enum LostResponse: Sendable, Hashable {
        case serverError
        case dropConnection
    }

    /// The request's number since the emulator started, from 1.
    var sequence: UInt64
    var refusal: Refusal?
    var lostResponse: LostResponse?
    /// Seeds the per-version `SKIPPED` draws of a write, when `--skip-rate` is on.
    var skipSeed: UInt64?
    var delayMilliseconds: Int = 0

    /// The name the request log gives the fault, or `nil` when none was injected.
    var logName: String? {
        switch (refusal, lostResponse) {
        case (.reset?, _): "reset"
        case (.throttled?, _): "throttle"
        case (.serverError?, _): "error"
        case (nil, .serverError?): "lost-500"
        case (nil, .dropConnection?): "lost-drop"
        case (nil, nil): nil
        }
    }
}
