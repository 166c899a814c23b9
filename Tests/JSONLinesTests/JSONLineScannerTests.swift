import Testing
import JSONLines

@Suite struct JSONLineScannerTests {
    private func int(_ text: String) -> (value: Int?, consumed: Int) {
        Array(text.utf8).withUnsafeBytes { raw in
            var scanner = JSONLineScanner(raw)
            let value = scanner.int()
            return (value, scanner.index)
        }
    }

    @Test func readsIntegersAsJSONWriterWritesThem() {
        #expect(int("0").value == 0)
        #expect(int("-7,").value == -7)
        #expect(int("999999999999999999") == (999_999_999_999_999_999, 18))
        #expect(int("-999999999999999999").value == -999_999_999_999_999_999)
        #expect(int("01").value == nil)
        #expect(int("-").value == nil)
        #expect(int("x").value == nil)
    }

    /// Found by fuzzing the plan reader and journal replay: a plan's request id or a journal's
    /// attempt of more than eighteen digits overflowed while they were added up, which stopped the
    /// process instead of leaving the line to the parser (see `PlanFileTests`, `JournalCodecTests`).
    @Test(arguments: 19...40)
    func declinesLongerIntegersWithoutOverflowing(digits: Int) {
        for text in [String(repeating: "9", count: digits), "-" + String(repeating: "9", count: digits),
                     "1" + String(repeating: "0", count: digits - 1)] {
            let (value, consumed) = int(text)
            #expect(value == nil, "\(text)")
            #expect(consumed == 0, "\(text)")
        }
    }
}
