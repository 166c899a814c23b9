/// A point in time to the millisecond on the UTC civil calendar, written as ISO 8601
/// (`2026-11-22T01:10:21.123Z`) or as SigV4's basic format (`20261122T011021Z`).
///
/// The one calendar of cabatch. It lives in `Model`, the bottom every target may depend on, so
/// that SigV4 and the journal read and write times with the same code without one depending on
/// the other. Pure and Foundation-free: the same text on every platform, no formatter state;
/// the caller's clock supplies the values.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    public init(secondsSinceEpoch: Double) {
        millisecondsSinceEpoch = Int64((secondsSinceEpoch * 1000).rounded())
    }

    /// The millisecond at or before `seconds`, so that the time written never runs ahead of the
    /// clock it was read from (a signature's second, a log's millisecond).
    public init(flooringSecondsSinceEpoch seconds: Double) {
        millisecondsSinceEpoch = Int64((seconds * 1000).rounded(.down))
    }

    public var secondsSinceEpoch: Double { Double(millisecondsSinceEpoch) / 1000 }

    /// Seconds from `self` to `later` (negative if `later` is earlier).
    public func seconds(to later: Timestamp) -> Double {
        Double(later.millisecondsSinceEpoch - millisecondsSinceEpoch) / 1000
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millisecondsSinceEpoch < b.millisecondsSinceEpoch }

    public var description: String { iso8601 }

    // MARK: - Writing

    /// `YYYY-MM-DDThh:mm:ss.sssZ`.
    public var iso8601: String { text { $0.appendISO8601(to: &$1) } }

    /// `YYYY-MM-DDThh:mm:ssZ`, the milliseconds dropped: for people, where seconds are plenty.
    public var iso8601Seconds: String { text { $0.appendISO8601(to: &$1, milliseconds: false) } }

    /// `YYYYMMDDThhmmssZ`, SigV4's `X-Amz-Date`.
    public var basicFormat: String { text { $0.appendBasicFormat(to: &$1) } }

    /// `YYYYMMDD`, the date of a SigV4 credential scope.
    public var basicDate: String { text { $0.appendBasicFormat(to: &$1, time: false) } }

    /// Appends the `iso8601` text's UTF-8 bytes (or `iso8601Seconds`'), without making a String
    /// (reports write millions).
    public func appendISO8601(to out: inout [UInt8], milliseconds: Bool = true) {
        let parts = civil
        Self.digits(parts.year, 4, &out); out.append(UInt8(ascii: "-"))
        Self.digits(parts.month, 2, &out); out.append(UInt8(ascii: "-"))
        Self.digits(parts.day, 2, &out); out.append(UInt8(ascii: "T"))
        Self.digits(parts.hour, 2, &out); out.append(UInt8(ascii: ":"))
        Self.digits(parts.minute, 2, &out); out.append(UInt8(ascii: ":"))
        Self.digits(parts.second, 2, &out)
        if milliseconds {
            out.append(UInt8(ascii: "."))
            Self.digits(parts.millisecond, 3, &out)
        }
        out.append(UInt8(ascii: "Z"))
    }

    /// Appends the `basicFormat` text's UTF-8 bytes, or only `basicDate`'s when `time` is false.
    public func appendBasicFormat(to out: inout [UInt8], time: Bool = true) {
        let parts = civil
        Self.digits(parts.year, 4, &out)
        Self.digits(parts.month, 2, &out)
        Self.digits(parts.day, 2, &out)
        guard time else { return }
        out.append(UInt8(ascii: "T"))
        Self.digits(parts.hour, 2, &out)
        Self.digits(parts.minute, 2, &out)
        Self.digits(parts.second, 2, &out)
        out.append(UInt8(ascii: "Z"))
    }

    private func text(_ write: (Timestamp, inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        write(self, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` in `width` digits, zero-padded; years outside 0...9999 as they are.
    private static func digits(_ value: Int64, _ width: Int, _ out: inout [UInt8]) {
        if value < 0 || value >= [1, 10, 100, 1000, 10000][width] {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var divisor: Int64 = [1, 1, 10, 100, 1000][width]
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    // MARK: - Reading

    /// Parses `YYYY-MM-DDThh:mm:ss[.f…]Z`, the form `iso8601` writes, with any number of
    /// fractional digits (the first three are kept). `allowingOffset` also takes a numeric zone
    /// (`+01:00`, `-0530`), as credential endpoints may send.
    public init?(iso8601 text: String, allowingOffset: Bool = false) {
        var text = text
        guard let time = text.withUTF8({ Timestamp(iso8601Bytes: UnsafeRawBufferPointer($0), allowingOffset: allowingOffset) })
        else { return nil }
        self = time
    }

    /// Parses the UTF-8 bytes of an ISO 8601 time, as `init(iso8601:allowingOffset:)` does.
    public init?(iso8601Bytes b: UnsafeRawBufferPointer, allowingOffset: Bool = false) {
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = Self.number(b, 0, 4), let month = Self.number(b, 5, 2), let day = Self.number(b, 8, 2),
              let hour = Self.number(b, 11, 2), let minute = Self.number(b, 14, 2), let second = Self.number(b, 17, 2)
        else { return nil }
        // The zone: `Z`, or with `allowingOffset` `±hh:mm` / `±hhmm`, whose sign adds to UTC's time.
        var end = b.count - 1
        var offsetMinutes: Int64 = 0
        if b[end] != UInt8(ascii: "Z") {
            guard allowingOffset, let zone = Self.offset(b) else { return nil }
            end = zone.start
            offsetMinutes = zone.minutes
        }
        var milliseconds: Int64 = 0
        if end > 19 {
            guard b[19] == UInt8(ascii: "."), end >= 21 else { return nil }
            // Milliseconds are the first three digits; the rest are only checked, not added up (they could overflow).
            let kept = min(end - 20, 3)
            guard (20..<end).allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }), var scaled = Self.number(b, 20, kept) else { return nil }
            for _ in kept..<3 { scaled *= 10 }
            milliseconds = scaled
        } else if end != 19 {
            return nil
        }
        guard let time = Self(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                              millisecond: milliseconds)
        else { return nil }
        self.init(millisecondsSinceEpoch: time.millisecondsSinceEpoch - offsetMinutes * 60_000)
    }

    /// Parses `YYYYMMDDThhmmssZ`, SigV4's `X-Amz-Date`.
    public init?(basicFormat text: String) {
        var text = text
        let parsed = text.withUTF8 { b -> Timestamp? in
            let raw = UnsafeRawBufferPointer(b)
            guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z"),
                  let year = Self.number(raw, 0, 4), let month = Self.number(raw, 4, 2), let day = Self.number(raw, 6, 2),
                  let hour = Self.number(raw, 9, 2), let minute = Self.number(raw, 11, 2), let second = Self.number(raw, 13, 2)
            else { return nil }
            return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: 0)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// A civil date and time, checked: the month's own length, and a leap second (`:60`) as the
    /// next minute's first.
    private init?(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        millisecondsSinceEpoch = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
    }

    /// `count` ASCII digits at `start`, or `nil`.
    private static func number(_ b: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int64? {
        guard start + count <= b.count else { return nil }
        var value: Int64 = 0
        for i in start..<start + count {
            guard b[i] >= 48, b[i] <= 57 else { return nil }
            value = value * 10 + Int64(b[i] - 48)
        }
        return value
    }

    /// A trailing `±hh:mm` or `±hhmm`: where it starts and its minutes east of UTC.
    private static func offset(_ b: UnsafeRawBufferPointer) -> (start: Int, minutes: Int64)? {
        for length in [6, 5] where b.count - length >= 19 {
            let start = b.count - length
            guard b[start] == UInt8(ascii: "+") || b[start] == UInt8(ascii: "-") else { continue }
            guard let hours = number(b, start + 1, 2) else { return nil }
            let minutesAt = length == 6 ? start + 4 : start + 3
            guard length == 5 || b[start + 3] == UInt8(ascii: ":"), let minutes = number(b, minutesAt, 2),
                  hours < 24, minutes < 60
            else { return nil }
            let total = hours * 60 + minutes
            return (start, b[start] == UInt8(ascii: "-") ? -total : total)
        }
        return nil
    }

    // MARK: - Calendar

    private var civil: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        let ms = millisecondsSinceEpoch
        let days = floorDiv(ms, 86_400_000)
        let inDay = ms - days * 86_400_000
        let (year, month, day) = Self.civil(fromDays: days)
        return (year, month, day, inDay / 3_600_000, inDay / 60_000 % 60, inDay / 1000 % 60, inDay % 1000)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil and civil-from-days, proleptic Gregorian calendar.
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }
