import Testing
import Model

@Suite struct TimestampTests {
    @Test func formatsAndParses() {
        let t = Timestamp(millisecondsSinceEpoch: 1_790_000_000_123)
        #expect(t.iso8601 == "2026-09-21T14:13:20.123Z")
        #expect(Timestamp(iso8601: t.iso8601) == t)
        #expect(Timestamp(millisecondsSinceEpoch: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(iso8601: "2024-02-29T23:59:59Z")?.iso8601 == "2024-02-29T23:59:59.000Z")
        #expect(Timestamp(iso8601: "2024-02-29T23:59:59.5Z")?.millisecondsSinceEpoch == 1_709_251_199_500)
        #expect(Timestamp(iso8601: "yesterday") == nil)
    }

    /// A time with twenty fractional digits overflowed while they were added up, which stopped the
    /// reader of any journal holding such a line with a valid CRC (seen beside the fuzzing of journal
    /// replay, and reproduced through its target).
    @Test func longFractionsAreCutToMilliseconds() {
        #expect(Timestamp(iso8601: "2026-03-04T10:00:00.1234Z")?.iso8601 == "2026-03-04T10:00:00.123Z")
        for digits in [18, 19, 20, 40] {
            let nines = String(repeating: "9", count: digits)
            #expect(Timestamp(iso8601: "2026-03-04T10:00:00.\(nines)Z")?.iso8601 == "2026-03-04T10:00:00.999Z")
            #expect(Timestamp(iso8601: "2026-03-04T10:00:00.\(nines)xZ") == nil)
            #expect(Timestamp(iso8601: "2026-03-04T10:00:00.x\(nines)Z") == nil)
        }
    }

    @Test func roundTripsAcrossYears() {
        for ms in stride(from: Int64(-5_000_000_000_000), through: 5_000_000_000_000, by: 7_777_777_777) {
            let t = Timestamp(millisecondsSinceEpoch: ms)
            if ms >= -62_135_596_800_000 { #expect(Timestamp(iso8601: t.iso8601) == t) }
        }
    }
}
