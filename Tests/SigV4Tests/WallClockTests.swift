import Foundation
import SigV4
import Testing

/// Pins the injected clock: a fixed clock always answers its time, a custom one is read at every
/// call, and the system clock reads the wall clock.
@Suite struct WallClockTests {
    @Test func aFixedClockIsStopped() {
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        let clock = WallClock.fixed(date)
        #expect(clock.now() == date && clock.now() == date)
    }

    final class Ticks: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Date { lock.withLock { count += 1; return Date(timeIntervalSince1970: Double(count)) } }
    }

    @Test func aCustomClockIsReadAtEveryCall() {
        let ticks = Ticks()
        let clock = WallClock { ticks.next() }
        #expect([clock.now(), clock.now(), clock.now()].map(\.timeIntervalSince1970) == [1, 2, 3])
    }

    @Test func theSystemClockReadsTheWallClock() {
        let before = Date()
        let now = WallClock.system.now()
        let after = Date()
        #expect(before <= now && now <= after)
    }
}
