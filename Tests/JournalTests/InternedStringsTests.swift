@testable import Journal
import Model
import Testing

/// Pins the interned strings: each distinct string stored once and numbered in order of arrival,
/// and every number giving its string back, however many are stored.
@Suite struct InternedStringsTests {
    @Test func aStringSeenAgainKeepsItsNumber() {
        var strings = InternedStrings()
        #expect(strings.count == 0)
        #expect(strings.intern("MISMATCHED_STATUS") == 0)
        #expect(strings.intern("NOT_ALLOWED") == 1)
        #expect(strings.intern("MISMATCHED_STATUS") == 0)
        #expect(strings.intern("") == 2)
        #expect(strings.intern("") == 2)
        #expect(strings.count == 3)
        #expect([strings[0], strings[1], strings[2]] == ["MISMATCHED_STATUS", "NOT_ALLOWED", ""])
    }

    /// Strings that differ only in their bytes are different; canonically equal spellings too.
    @Test func stringsAreComparedByTheirBytes() {
        var strings = InternedStrings()
        let composed = strings.intern("caf\u{E9}"), decomposed = strings.intern("cafe\u{301}")
        #expect(composed != decomposed)
        #expect(Array(strings[decomposed].utf8) == Array("cafe\u{301}".utf8))
        #expect(strings.intern("a") != strings.intern("a\u{0}"))
        let party = strings.intern("名前 🎉")
        #expect(strings[party] == "名前 🎉")
    }

    /// Enough strings to grow the table several times: every number still finds its string.
    @Test func everyNumberGivesItsStringBackAfterTheTableGrows() {
        var strings = InternedStrings()
        var random = SplitMix64(seed: 12)
        var numbers: [String: UInt32] = [:]
        for _ in 0..<20_000 {
            let text = "message \(random.next() % 5_000)"
            let number = strings.intern(text)
            if let earlier = numbers[text] { #expect(number == earlier) } else { numbers[text] = number }
        }
        #expect(strings.count == numbers.count)
        #expect(Set(numbers.values) == Set(0..<UInt32(numbers.count)))
        for (text, number) in numbers where strings[number] != text { Issue.record("\(number) is \(strings[number]), not \(text)") }
    }
}
