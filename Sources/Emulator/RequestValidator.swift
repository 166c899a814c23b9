import Model

/// Collects a request's constraint failures and words them as the service does
/// (`1 validation error detected: Value 'x' at 'domain' failed to satisfy constraint: …`).
///
/// The member checks themselves are the manifest's (`ServiceConstraints`), so cabatch's rejects
/// and the emulator's refusals cannot drift apart.
struct RequestValidator {
    private(set) var failures: [String] = []

    /// A required query member: present and valid.
    mutating func required(_ field: PackageField, _ value: String?, member: String) {
        guard let value else {
            failures.append("Value null at '\(member)' failed to satisfy constraint: Member must not be null")
            return
        }
        check(field, value, member: member)
    }

    /// An optional query member: valid when present.
    mutating func optional(_ field: PackageField, _ value: String?, member: @autoclosure () -> String) {
        if let value { check(field, value, member: member()) }
    }

    /// A member whose values are one of the model's enum values.
    mutating func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ value: String?, member: String) -> E?
    where E.RawValue == String {
        guard let value else { return nil }
        guard let parsed = E(rawValue: value) else {
            let values = E.allCases.map(\.rawValue).joined(separator: ", ")
            failures.append("Value '\(value)' at '\(member)' failed to satisfy constraint: Member must satisfy enum value set: [\(values)]")
            return nil
        }
        return parsed
    }

    /// `max-results`: an integer from 1 to 1000 (every listing's range), `defaultValue` when absent.
    mutating func maxResults(_ text: String?, default defaultValue: Int) -> Int {
        guard let text else { return defaultValue }
        guard let number = Int(text) else {
            fail(member: "maxResults", value: text, constraint: "Member must be an integer")
            return defaultValue
        }
        if number < 1 {
            fail(member: "maxResults", value: text, constraint: "Member must have value greater than or equal to 1")
        } else if number > 1000 {
            fail(member: "maxResults", value: text, constraint: "Member must have value less than or equal to 1000")
        }
        return number
    }

    /// `next-token`: one the emulator handed out, of a kind `accepts` takes (the listing and
    /// order it came from); `nil` when absent or refused.
    mutating func nextToken(_ text: String?, accepts: (PaginationToken) -> Bool) -> PaginationToken? {
        guard let text else { return nil }
        guard let token = PaginationToken(text), accepts(token) else {
            fail(member: "nextToken", value: text, constraint: "Member must be a token returned by a previous call")
            return nil
        }
        return token
    }

    /// A failure worded by the caller, for rules beyond a single member's shape.
    mutating func fail(_ message: String) {
        failures.append(message)
    }

    /// A free-form member failure (`Member must …`).
    mutating func fail(member: String, value: String?, constraint: String) {
        let shown = value.map { "'\(Self.truncated($0))'" } ?? "null"
        failures.append("Value \(shown) at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    /// The `ValidationException` for what was found, or `nil` when the request is valid.
    var error: ServiceException? {
        guard !failures.isEmpty else { return nil }
        let count = failures.count == 1 ? "1 validation error detected" : "\(failures.count) validation errors detected"
        return .validation("\(count): " + failures.joined(separator: "; "))
    }

    private mutating func check(_ field: PackageField, _ value: String, member: @autoclosure () -> String) {
        guard let violation = ServiceConstraints.check(field, value) else { return }
        let member = member()
        let shape = Self.shape(field)
        let constraint: String
        switch violation.rule {
        case .tooShort: constraint = "Member must have length greater than or equal to \(shape.min)"
        case .tooLong: constraint = "Member must have length less than or equal to \(shape.max)"
        case .pattern: constraint = "Member must satisfy regular expression pattern: \(shape.pattern)"
        case .unknownFormat:
            constraint = "Member must satisfy enum value set: [\(PackageFormat.allCases.map(\.rawValue).joined(separator: ", "))]"
        case .namespaceRequired, .namespaceForbidden: constraint = violation.message
        case .unknownValue:
            let allowed = field == .origin ? PackageVersionOriginType.allCases.map(\.rawValue) : PackageVersionStatus.allCases.map(\.rawValue)
            constraint = "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]"
        }
        fail(member: member, value: value, constraint: constraint)
    }

    /// The model's length bounds and pattern for a member, as the service quotes them.
    private static func shape(_ field: PackageField) -> (min: Int, max: Int, pattern: String) {
        switch field {
        case .domain: (2, 50, "[a-z][a-z0-9\\-]{0,48}[a-z0-9]")
        case .domainOwner: (12, 12, "[0-9]{12}")
        case .repository: (2, 100, "[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}")
        case .format: (0, 0, "")
        case .namespace, .package, .version: (1, 255, "[^#/\\s]+")
        case .revision: (1, 50, "\\S+")
        case .status, .origin, .publishedTime, .defaultDisplayVersion: (0, 0, "")
        }
    }

    private static func truncated(_ value: String) -> String {
        value.unicodeScalars.count > 300 ? String(value.unicodeScalars.prefix(300)) + "…" : value
    }
}
