@testable import Emulator
import Testing

/// Pins `PaginationToken`: each kind round-trips through its text, position tokens keep their
/// old spelling, and anything the emulator did not hand out is refused.
@Suite struct PaginationTokenTests {
    @Test(arguments: [
        PaginationToken.position(0), .position(35), .position(1_000_000),
        .published(time: 1_714_644_672_500, position: 0), .published(time: -5, position: 36), .published(time: 0, position: 7),
        .name(["npm-store"]), .name(["npm", "", "left-pad"]), .name(["maven", "org.example", "lib"]), .name([""]),
    ])
    func roundTrips(token: PaginationToken) {
        #expect(PaginationToken(token.text) == token)
    }

    @Test func spellingsStayAsTheyWere() {
        #expect(PaginationToken.position(0).text == "cabatch-emulator-v1.0")
        #expect(PaginationToken.position(36).text == "cabatch-emulator-v1.10")
        #expect(PaginationToken.published(time: 36, position: 35).text == "cabatch-emulator-v1.t:10.z")
        #expect(PaginationToken.name(["npm", "", "a"]).text == "cabatch-emulator-v1.n:npm//a")
    }

    @Test(arguments: [
        "", "cabatch-emulator-v1.", "cabatch-emulator-v2.1", "abc", "cabatch-emulator-v1.-1", "cabatch-emulator-v1.!",
        "cabatch-emulator-v1.t:", "cabatch-emulator-v1.t:1", "cabatch-emulator-v1.t:1.2.3", "cabatch-emulator-v1.t:1.-1",
        "cabatch-emulator-v1.t:x!.1", "CABATCH-EMULATOR-V1.1",
    ])
    func strangersAreRefused(text: String) {
        #expect(PaginationToken(text) == nil)
    }

    @Test func kindsDoNotMistakeEachOther() {
        // Base 36 reads `t` and `n` as digits: the marks need their colon to mean a kind.
        #expect(PaginationToken("cabatch-emulator-v1.t") == .position(29))
        #expect(PaginationToken("cabatch-emulator-v1.n") == .position(23))
        #expect(PaginationToken("cabatch-emulator-v1.n:") == .name([""]))
    }
}
