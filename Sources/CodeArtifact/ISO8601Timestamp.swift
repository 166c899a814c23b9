import Foundation

/// Parses the ISO 8601 expirations credential endpoints send (`2026-11-22T01:00:00Z`, with or without fractions).
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
