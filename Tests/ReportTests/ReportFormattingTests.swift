@testable import Report
import Model
import Testing

/// Pins the number, duration and time formats every renderer shares, fixed so that reports
/// compare byte for byte.
@Suite struct ReportFormattingTests {
    typealias F = ReportFormatting

    @Test func countsHaveThousandsSeparators() {
        #expect([0, 7, 999, 1000, 12_345, 1_234_567, -1234, -999].map(F.count)
            == ["0", "7", "999", "1,000", "12,345", "1,234,567", "-1,234", "-999"])
        #expect(F.count(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func nounsAgreeWithTheirCount() {
        #expect(F.plural(1, "version") == "1 version")
        #expect(F.plural(0, "version") == "0 versions")
        #expect(F.plural(2_500, "version") == "2,500 versions")
        #expect(F.plural(1, "retry", "retries") == "1 retry")
        #expect(F.plural(3, "retry", "retries") == "3 retries")
        #expect(F.plural(-1, "version") == "-1 versions")
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        #expect(F.decimal(1772.46) == "1,772.5")
        #expect(F.decimal(0.25) == "0.3")
        #expect(F.decimal(-1.25) == "-1.3")
        #expect(F.decimal(-0.04) == "0.0", "no minus sign on a zero")
        #expect(F.decimal(3) == "3.0")
        #expect(F.decimal(0.001, places: 3) == "0.001")
        #expect(F.decimal(12.3456, places: 2) == "12.35")
        #expect([Double.nan, .infinity, -.infinity].map { F.decimal($0) } == ["0", "0", "0"])
    }

    @Test func coordinatesNeverHaveSeparators() {
        #expect(F.coordinate(1234.56) == "1234.6")
        #expect(F.coordinate(0) == "0.0")
        #expect(F.coordinate(1_000_000) == "1000000.0")
    }

    @Test func percentagesOfAnEmptyWholeAreADash() {
        #expect(F.percent(1, of: 3) == "33.3%")
        #expect(F.percent(2, of: 2) == "100.0%")
        #expect(F.percent(0, of: 5) == "0.0%")
        #expect(F.percent(0, of: 0) == "–")
    }

    @Test func durationsPickTheirUnits() {
        #expect(F.duration(0) == "0.0 s")
        #expect(F.duration(3.24) == "3.2 s")
        #expect(F.duration(59.94) == "59.9 s")
        #expect(F.duration(60) == "1 min 00 s")
        #expect(F.duration(245) == "4 min 05 s")
        #expect(F.duration(3599.4) == "59 min 59 s")
        #expect(F.duration(3599.6) == "1 h 00 min")
        #expect(F.duration(7380) == "2 h 03 min")
        #expect(F.duration(90_000) == "25 h 00 min")
    }

    @Test func timesAreToTheSecondInUTC() {
        #expect(F.time(Timestamp(iso8601: "2026-01-02T03:04:05.678Z")) == "2026-01-02 03:04:05Z")
        #expect(F.time(nil) == "–")
        #expect(F.milliseconds(1234) == "1,234 ms")
        #expect(F.milliseconds(nil) == "–")
        #expect(F.twoDigits(5) == "05" && F.twoDigits(0) == "00" && F.twoDigits(42) == "42")
    }
}
