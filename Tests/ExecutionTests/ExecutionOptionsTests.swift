import Execution
import Model
import Testing

/// Pins `ExecutionOptions`' defaults, which are the documented defaults of `cabatch apply`.
@Suite struct ExecutionOptionsTests {
    @Test func defaultsAreTheCommandsDefaults() {
        let options = ExecutionOptions()
        #expect(options.concurrency == 16)
        #expect(options.rate == 50)
        #expect(options.maxFailureRate == 0.5)
        #expect(options.failureRateMinimum == 1_000)
        #expect(options.operation == .delete)
        #expect(options.expectedStatus == nil)
        #expect(options.silenceLimit == 10)
        #expect(options.seed != 0, "zero is outside the seed range")
    }
}
