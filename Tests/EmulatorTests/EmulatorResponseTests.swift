import Emulator
import Testing

/// Pins `EmulatorResponse.header`: names matched case-insensitively, the first of repeats.
@Suite struct EmulatorResponseTests {
    @Test func headersAreFoundWhateverTheirCase() {
        let response = EmulatorResponse(status: 200, requestID: "r", headers: [("Retry-After", "1"), ("retry-after", "2"), ("X-A", "x")],
                                        body: [])
        #expect(response.header("RETRY-AFTER") == "1")
        #expect(response.header("x-a") == "x")
        #expect(response.header("x-amzn-RequestId") == nil, "the request id is a member, not one of these headers")
    }
}
