import Foundation
import Model

/// Parses the ISO 8601 expirations credential endpoints send (`2026-11-22T01:00:00Z`, with or
/// without fractions, or with a numeric zone) on the one calendar, `Model.Timestamp`.
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        Timestamp(iso8601: text, allowingOffset: true).map { Date(timeIntervalSince1970: $0.secondsSinceEpoch) }
    }
}
