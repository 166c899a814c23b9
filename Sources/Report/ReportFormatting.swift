import Journal
import Model

/// Number and duration formats shared by the renderers, fixed so that reports compare byte for byte.
enum ReportFormatting {
    /// `1234567` → `1,234,567`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    /// `1 version`, `2 versions`: the count with thousands separators and the noun in the right number.
    static func plural(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// One decimal place (`1,772.5`), rounded half away from zero.
    static func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale), fraction = scaled % Int64(scale)
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: max(0, places - fractionText.count)) + fractionText
        return (value < 0 && scaled != 0 ? "-" : "") + count(Int(whole)) + (places > 0 ? "." + padded : "")
    }

    /// An SVG coordinate: one decimal, never a thousands separator.
    static func coordinate(_ value: Double) -> String {
        String(decimal(value).filter { $0 != "," })
    }

    /// `part / whole` as a percentage with one decimal, `–` for an empty whole.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : decimal(Double(part) * 100 / Double(whole)) + "%"
    }

    /// `3.2 s`, `4 min 05 s`, `2 h 03 min`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return decimal(seconds) + " s" }
        let total = Int(seconds.rounded())
        if total < 3600 { return "\(total / 60) min \(twoDigits(total % 60)) s" }
        return "\(total / 3600) h \(twoDigits(total / 60 % 60)) min"
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// `2026-01-02 03:04:05Z`: seconds are enough for people.
    static func time(_ t: Timestamp?) -> String {
        guard let t else { return "–" }
        let iso = t.iso8601
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8)) + "Z"
    }

    static func milliseconds(_ value: Int?) -> String { value.map { "\(count($0)) ms" } ?? "–" }
}
