import Model
import Testing

/// Pins the seeded generator to Vigna's SplitMix64, so that a seed means the same data everywhere.
@Suite struct SplitMix64Tests {
    /// The reference implementation's first outputs (`splitmix64.c`, state 0 and state 42).
    @Test func matchesTheReferenceSequence() {
        var zero = SplitMix64(seed: 0)
        #expect((0..<4).map { _ in zero.next() } == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4,
                                                      0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
        var answer = SplitMix64(seed: 42)
        #expect(answer.next() == 0xBDD7_3226_2FEB_6E95)
        #expect(answer.next() == 0x28EF_E333_B266_F103)
    }

    @Test func theSameSeedGivesTheSameStreamAndCopiesContinueAlike() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7), c = SplitMix64(seed: 8)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
        var copy = a
        #expect(copy.next() == a.next())
    }

    @Test func unitIsInTheHalfOpenIntervalAndUsesTheTop53Bits() {
        var random = SplitMix64(seed: 3)
        var reference = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let u = random.unit()
            #expect(u >= 0 && u < 1)
            #expect(u == Double(reference.next() >> 11) / 9_007_199_254_740_992)
        }
    }

    /// As a `RandomNumberGenerator`, a seed fixes shuffles and picks.
    @Test func drivesTheStandardLibrarysRandomness() {
        var a = SplitMix64(seed: 11), b = SplitMix64(seed: 11)
        let deck = Array(0..<52)
        #expect(deck.shuffled(using: &a) == deck.shuffled(using: &b))
        #expect(Int.random(in: 0..<1000, using: &a) == Int.random(in: 0..<1000, using: &b))
    }
}
