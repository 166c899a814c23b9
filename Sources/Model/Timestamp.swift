/// A point in time to the millisecond, written as ISO 8601 UTC (`2026-11-22T01:10:21.123Z`).
///
/// Journals and reports carry their own calendar code so that encoding is pure and gives the
/// same text on every platform; the caller's clock supplies the values.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    public init(secondsSinceEpoch: Double) {
        millisecondsSinceEpoch = Int64((secondsSinceEpoch * 1000).rounded())
    }

    public var secondsSinceEpoch: Double { Double(millisecondsSinceEpoch) / 1000 }

    /// Seconds from `self` to `later` (negative if `later` is earlier).
    public func seconds(to later: Timestamp) -> Double {
        Double(later.millisecondsSinceEpoch - millisecondsSinceEpoch) / 1000
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millisecondsSinceEpoch < b.millisecondsSinceEpoch }

    public var description: String { iso8601 }

    /// `YYYY-MM-DDThh:mm:ss.sssZ`.
    public var iso8601: String {
        var bytes: [UInt8] = []
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the `iso8601` text's UTF-8 bytes, without making a String (reports write millions).
    public func appendISO8601(to out: inout [UInt8]) {
        let ms = millisecondsSinceEpoch
        let days = floorDiv(ms, 86_400_000)
        let inDay = ms - days * 86_400_000
        let (y, m, d) = Self.civil(fromDays: days)
        func digits(_ value: Int64, _ width: Int) {
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
        digits(y, 4); out.append(UInt8(ascii: "-"))
        digits(m, 2); out.append(UInt8(ascii: "-"))
        digits(d, 2); out.append(UInt8(ascii: "T"))
        digits(inDay / 3_600_000, 2); out.append(UInt8(ascii: ":"))
        digits(inDay / 60_000 % 60, 2); out.append(UInt8(ascii: ":"))
        digits(inDay / 1000 % 60, 2); out.append(UInt8(ascii: "."))
        digits(inDay % 1000, 3); out.append(UInt8(ascii: "Z"))
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.fff]Z`, the form `iso8601` writes.
    public init?(iso8601 text: String) {
        var text = text
        guard let time = text.withUTF8({ Timestamp(iso8601Bytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = time
    }

    /// Parses the UTF-8 bytes of `YYYY-MM-DDThh:mm:ss[.fff]Z`.
    public init?(iso8601Bytes b: UnsafeRawBufferPointer) {
        func num(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= b.count else { return nil }
            var v: Int64 = 0
            for i in start..<start + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[b.count - 1] == 90,
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var ms: Int64 = 0
        if b.count > 20 {
            guard b[19] == 46, b.count >= 22 else { return nil }
            // Milliseconds are the first three digits; the rest are only checked, not added up (they could overflow).
            let digits = b.count - 21, kept = min(digits, 3)
            guard (20..<(b.count - 1)).allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }), var scaled = num(20, kept) else { return nil }
            for _ in kept..<3 { scaled *= 10 }
            ms = scaled
        }
        let days = Self.days(fromCivil: y, mo, d)
        millisecondsSinceEpoch = ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms
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
