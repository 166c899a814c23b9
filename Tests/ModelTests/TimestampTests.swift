import Testing
import Model

/// `Timestamp`, the one calendar: ISO 8601 for rows, journals, reports and logs, SigV4's basic
/// format for signing.
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

    static let signingTime = Timestamp(millisecondsSinceEpoch: 1_440_938_160_000)  // the AWS suite's 20150830T123600Z

    @Test func writesEachForm() {
        let time = Timestamp(millisecondsSinceEpoch: 1_440_938_160_042)
        #expect(time.iso8601 == "2015-08-30T12:36:00.042Z")
        #expect(time.iso8601Seconds == "2015-08-30T12:36:00Z")
        #expect(time.basicFormat == "20150830T123600Z")
        #expect(time.basicDate == "20150830")
        var bytes: [UInt8] = Array("x ".utf8)
        time.appendBasicFormat(to: &bytes, time: false)
        #expect(String(decoding: bytes, as: UTF8.self) == "x 20150830")
        // Before the epoch, and years of other widths.
        #expect(Timestamp(millisecondsSinceEpoch: -1).iso8601 == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(millisecondsSinceEpoch: -62_135_596_800_000).basicFormat == "00010101T000000Z")
        #expect(Timestamp(millisecondsSinceEpoch: 253_402_300_800_000).iso8601Seconds == "10000-01-01T00:00:00Z")
        // Read off a clock: rounded to the nearest millisecond, or never ahead of it.
        #expect(Timestamp(secondsSinceEpoch: 1_440_938_159.9996).basicFormat == "20150830T123600Z")
        #expect(Timestamp(flooringSecondsSinceEpoch: 1_440_938_159.9996).basicFormat == "20150830T123559Z")
        #expect(Timestamp(flooringSecondsSinceEpoch: -0.0005).iso8601 == "1969-12-31T23:59:59.999Z")
    }

    @Test func readsTheBasicFormat() {
        #expect(Timestamp(basicFormat: "20150830T123600Z") == Self.signingTime)
        #expect(Timestamp(basicFormat: "20000229T120000Z")?.iso8601 == "2000-02-29T12:00:00.000Z")
        for text in ["2015-08-30T12:36:00Z", "20150830T123600", "20150830 123600Z", "2015083OT123600Z", "20150830T123600ZZ",
                     "20150230T000000Z", "20190229T000000Z", "21000229T000000Z", "20151301T000000Z", "20150800T000000Z",
                     "20150830T240000Z", "20150830T126000Z", ""] {
            #expect(Timestamp(basicFormat: text) == nil, "\(text)")
        }
    }

    @Test func readsISO8601() {
        #expect(Timestamp(iso8601: "2015-08-30T12:36:00Z") == Self.signingTime)
        #expect(Timestamp(iso8601: "2015-08-30T12:36:00.5Z")?.millisecondsSinceEpoch == 1_440_938_160_500)
        // The last day of each month, and a leap second as the next minute's first.
        #expect(Timestamp(iso8601: "2016-02-29T00:00:00Z") != nil)
        #expect(Timestamp(iso8601: "2015-02-29T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2015-04-31T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2016-12-31T23:59:60Z")?.iso8601 == "2017-01-01T00:00:00.000Z")
        for text in ["2015-08-30T12:36:00", "2015-08-30 12:36:00Z", "2015-08-30T12:36:00.Z", "2015-08-30T12:36Z",
                     "2015-08-30T12:36:00+01:00"] {
            #expect(Timestamp(iso8601: text) == nil, "\(text)")
        }
    }

    @Test func readsNumericZonesWhenAllowed() {
        #expect(Timestamp(iso8601: "2015-08-30T13:36:00+01:00", allowingOffset: true) == Self.signingTime)
        #expect(Timestamp(iso8601: "2015-08-30T07:06:00.000-0530", allowingOffset: true) == Self.signingTime)
        #expect(Timestamp(iso8601: "2015-08-30T12:36:00Z", allowingOffset: true) == Self.signingTime)
        for text in ["2015-08-30T12:36:00+1:00", "2015-08-30T12:36:00+01:60", "2015-08-30T12:36:00+24:00",
                     "2015-08-30T12:36:00*01:00", "2015-08-30T12:36:00+01-00"] {
            #expect(Timestamp(iso8601: text, allowingOffset: true) == nil, "\(text)")
        }
    }

    @Test func everyDayRoundTripsThroughBothForms() {
        // Each day from 1900 to 2100, at a time that moves through the day.
        for day in Int64(-25_567)...Int64(47_482) {
            let inDay = ((day * 7_919_013) % 86_400_000 + 86_400_000) % 86_400_000
            let time = Timestamp(millisecondsSinceEpoch: day * 86_400_000 + inDay)
            let seconds = Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch - inDay % 1000)
            #expect(Timestamp(basicFormat: time.basicFormat) == seconds)
            #expect(Timestamp(iso8601: time.iso8601) == time)
        }
    }
}
