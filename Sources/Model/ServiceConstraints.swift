/// The service's own constraints on request members (botocore's codeartifact model),
/// checked without regular expressions because they run once per manifest row.
///
/// Lengths count Unicode scalars, as the service does. Patterns are matched whole. `\s` in the
/// model's `[^#/\s]` is Java's: ASCII space, tab, newline, vertical tab, form feed, return.
public enum ServiceConstraints {
    /// Checks one member's value; `nil` when it is valid.
    public static func check(_ field: PackageField, _ value: String) -> RuleViolation? {
        switch field {
        case .domain: return checkDomain(value)
        case .domainOwner: return checkAccountID(value)
        case .repository: return checkRepository(value)
        case .format:
            guard PackageFormat(rawValue: value) == nil else { return nil }
            return RuleViolation(
                field: .format, rule: .unknownFormat,
                message: "format \(quoted(value)) is not one of \(PackageFormat.allCases.map(\.rawValue).joined(separator: " "))")
        case .namespace, .package, .version: return checkName(field, value)
        case .status: return checkEnumeration(field, value, PackageVersionStatus.allCases.map(\.rawValue))
        case .origin: return checkEnumeration(field, value, PackageVersionOriginType.allCases.map(\.rawValue))
        case .revision: return checkRevision(value)
        case .publishedTime:
            guard Timestamp(iso8601: value) == nil else { return nil }
            return RuleViolation(field: .publishedTime, rule: .pattern,
                                 message: "publishedTime \(quoted(value)) is not an ISO 8601 UTC time",
                                 hint: "write it as 2024-05-02T10:11:12Z (milliseconds optional)")
        // Not a string in any valid row; the decoder refuses other types before this.
        case .defaultDisplayVersion: return nil
        }
    }

    /// Checks that the namespace's presence fits the format, and npm's scope spelling.
    public static func checkNamespace(format: PackageFormat, namespace: String?) -> RuleViolation? {
        switch (format.namespaceRule, namespace) {
        case (.required, nil):
            return RuleViolation(
                field: .namespace, rule: .namespaceRequired,
                message: "namespace is required for \(format.rawValue) packages",
                hint: format == .maven ? "put the group id in namespace" : nil)
        case (.forbidden, .some):
            return RuleViolation(
                field: .namespace, rule: .namespaceForbidden,
                message: "namespace must be absent for \(format.rawValue) packages",
                hint: "remove the member or set it to null")
        case (.optional, .some(let scope)) where format == .npm && scope.hasPrefix("@"):
            return RuleViolation(
                field: .namespace, rule: .pattern,
                message: "npm namespace \(quoted(scope)) starts with @",
                hint: "write the scope without @: \(quoted(String(scope.dropFirst())))")
        default:
            return nil
        }
    }

    // MARK: - The model's shapes

    /// DomainName: 2–50, `[a-z][a-z0-9\-]{0,48}[a-z0-9]`.
    static func checkDomain(_ value: String) -> RuleViolation? {
        if let violation = checkLength(.domain, value, min: 2, max: 50) { return violation }
        let bytes = value.utf8
        let ok = isLower(bytes.first!) && isLowerOrDigit(bytes.last!)
            && bytes.dropFirst().dropLast().allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") }
        return ok ? nil : patternViolation(.domain, value, "[a-z][a-z0-9-]{0,48}[a-z0-9]",
                                           hint: "lowercase letters, digits and hyphens; starts with a letter")
    }

    /// AccountId: exactly 12 digits.
    static func checkAccountID(_ value: String) -> RuleViolation? {
        let bytes = value.utf8
        guard bytes.count == 12, bytes.allSatisfy(isDigit) else {
            return RuleViolation(
                field: .domainOwner, rule: .pattern,
                message: "domainOwner \(quoted(value)) is not a 12-digit account id",
                hint: "write the account id without dashes or spaces")
        }
        return nil
    }

    /// RepositoryName: 2–100, `[A-Za-z0-9][A-Za-z0-9._\-]{1,99}`.
    static func checkRepository(_ value: String) -> RuleViolation? {
        if let violation = checkLength(.repository, value, min: 2, max: 100) { return violation }
        let bytes = value.utf8
        let ok = isAlnum(bytes.first!) && bytes.dropFirst().allSatisfy {
            isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        return ok ? nil : patternViolation(.repository, value, "[A-Za-z0-9][A-Za-z0-9._-]{1,99}", hint: nil)
    }

    /// PackageNamespace, PackageName, PackageVersion: 1–255, `[^#/\s]+`.
    static func checkName(_ field: PackageField, _ value: String) -> RuleViolation? {
        if let violation = checkLength(field, value, min: 1, max: 255) { return violation }
        // Every version of every row and request passes here: scan the bytes in place first.
        let clean = value.utf8.withContiguousStorageIfAvailable { !$0.contains(where: isForbiddenInName) }
        if clean == true { return nil }
        for byte in value.utf8 where isForbiddenInName(byte) {
            let what = byte == UInt8(ascii: "#") ? "#" : byte == UInt8(ascii: "/") ? "/" : "white space"
            return patternViolation(field, value, "[^#/\\s]+", hint: "it contains \(what)")
        }
        return nil
    }

    /// PackageVersionRevision: 1–50, `\S+`.
    static func checkRevision(_ value: String) -> RuleViolation? {
        if let violation = checkLength(.revision, value, min: 1, max: 50) { return violation }
        guard value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return nil }
        return patternViolation(.revision, value, "\\S+", hint: "a revision has no white space")
    }

    /// One of the values of a service enumeration, spelled exactly (they are case-sensitive).
    static func checkEnumeration(_ field: PackageField, _ value: String, _ allowed: [String]) -> RuleViolation? {
        guard !allowed.contains(value) else { return nil }
        let near = allowed.first { $0.lowercased() == value.lowercased() }
        return RuleViolation(field: field, rule: .unknownValue,
                             message: "\(field.rawValue) \(quoted(value)) is not one of \(allowed.joined(separator: " "))",
                             hint: near.map { "the service spells it \($0)" })
    }

    private static func checkLength(_ field: PackageField, _ value: String, min: Int, max: Int) -> RuleViolation? {
        // UTF-8 length bounds the scalar count from above, so most values need no scalar count.
        let utf8Count = value.utf8.count
        if utf8Count >= min && utf8Count <= max { return nil }
        let count = value.unicodeScalars.count
        if count < min {
            return RuleViolation(
                field: field, rule: .tooShort,
                message: count == 0 ? "\(field.rawValue) is empty" : "\(field.rawValue) \(quoted(value)) is shorter than \(min) characters")
        }
        if count > max {
            return RuleViolation(
                field: field, rule: .tooLong,
                message: "\(field.rawValue) is \(count) characters long; the limit is \(max)")
        }
        return nil
    }

    private static func patternViolation(_ field: PackageField, _ value: String, _ pattern: String, hint: String?) -> RuleViolation {
        RuleViolation(field: field, rule: .pattern,
                      message: "\(field.rawValue) \(quoted(value)) does not match \(pattern)", hint: hint)
    }

    static func quoted(_ value: String) -> String {
        let shown = value.unicodeScalars.count > 80 ? String(value.unicodeScalars.prefix(80)) + "…" : value
        return "\"\(shown)\""
    }

    private static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private static func isLowerOrDigit(_ b: UInt8) -> Bool { isLower(b) || isDigit(b) }
    private static func isAlnum(_ b: UInt8) -> Bool {
        isLowerOrDigit(b) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }
    private static func isForbiddenInName(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "#") || b == UInt8(ascii: "/") || isJavaSpace(b)
    }
    private static func isJavaSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }
}
