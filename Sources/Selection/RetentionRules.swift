import Foundation
import Model

/// What `cabatch select` is asked: which versions are candidates, which rules select among
/// them, which keep them, and which guards are lifted. A value, so that decisions are tested
/// without files; `now` is injected for the same reason.
public struct RetentionRules: Sendable {
    /// How a package's versions are ranked for `keepLatest` and the last-version guard.
    public enum Order: String, Sendable, CaseIterable {
        /// The ecosystem's own version order (`Versioning`).
        case version
        /// Publish time: `publishedTime` when the inventory has it, else the inventory's own
        /// order, which `export` writes in publish order.
        case published
    }

    // Scope: a version outside it is kept, whatever the other rules say.
    public var repositories: Set<String> = []
    public var formats: Set<PackageFormat> = []
    public var namespace: String?
    public var packagePattern: Pattern?
    /// The statuses a selected version may have; empty means every status but `Deleted`.
    public var statuses: Set<PackageVersionStatus> = []
    public var origin: PackageVersionOriginType?

    // Selecting rules: a version is selected only when every given one picks it.
    /// Seconds: only versions published longer ago than this.
    public var olderThan: Double?
    public var prereleaseOnly = false
    public var match: Pattern?

    // Keeping rules: any one protects a version.
    public var keepLatest: Int?
    public var keepLatestPerMajor: Int?
    /// Seconds: versions published more recently than this are kept.
    public var keepNewerThan: Double?
    public var exclude: Pattern?

    /// `nil`: `version` for every format but generic, which has no version order.
    public var order: Order?
    public var allowDefaultVersion = false
    public var allowEmptyPackages = false

    /// The moment durations count back from.
    public var now: Timestamp

    public init(now: Timestamp) { self.now = now }

    /// The order used for a package of `format`.
    public func order(for format: PackageFormat) -> Order {
        order ?? (format == .generic ? .published : .version)
    }

    /// Whether a rule needs every version's `publishedTime`.
    public var needsPublishedTime: Bool { olderThan != nil || keepNewerThan != nil }
}

/// A regular expression as the user wrote it, matched against the whole of a name or version.
public struct Pattern: Sendable, CustomStringConvertible {
    public let text: String
    private let expression: NSRegularExpression

    /// - Throws: ``SelectionError/invalidPattern`` naming the option.
    public init(_ text: String, option: String) throws(SelectionError) {
        do {
            // Alone first: a text with unbalanced parentheses would otherwise close the wrapper
            // (`a)|(b` becomes `^(?:a)|(b)$`) and match far more than the whole value.
            if !text.isEmpty { _ = try NSRegularExpression(pattern: text) }
            expression = try NSRegularExpression(pattern: "^(?:" + text + ")$")
        } catch {
            throw .invalidPattern(option: option, pattern: text, reason: "\(error)")
        }
        self.text = text
    }

    public func matches(_ value: String) -> Bool {
        expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    public var description: String { text }
}

/// Why a selection cannot be made: bad rules or an inventory the rules cannot be applied to.
public enum SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidPattern(option: String, pattern: String, reason: String)
    case invalidDuration(option: String, text: String)
    /// `--older-than` or `--keep-newer-than` on an inventory row without `publishedTime`.
    case missingPublishedTime(file: String, line: Int, option: String)

    public var description: String {
        switch self {
        case let .invalidPattern(option, pattern, reason):
            "\(option) \"\(pattern)\" is not a regular expression: \(reason)"
        case let .invalidDuration(option, text):
            "\(option) \"\(text)\" is not a duration; write a number and a unit: 90d, 12h, 30m, 2w"
        case let .missingPublishedTime(file, line, option):
            "\(file):\(line): \(option) needs publishedTime, which this inventory row does not have; export with --published-time, or select without \(option)"
        }
    }
}

/// Parses `90d`, `12h`, `30m`, `45s`, `2w` into seconds.
public func retentionDuration(_ text: String, option: String) throws(SelectionError) -> Double {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
    guard let unit = text.last.flatMap({ units[$0] }), let count = Double(text.dropLast()), count >= 0, count.isFinite,
          text.dropLast().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
        throw .invalidDuration(option: option, text: text)
    }
    return count * unit
}
